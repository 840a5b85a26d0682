package jp.bansou.kpi;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What one unit of a target row is: the plan counts businesses (者), cases (件), occurrences (回) or amounts. */
public enum Counting {
  /** Distinct businesses: a business counted twice in the year counts once. */
  BUSINESSES("businesses"),
  /** Distinct cases (process instances). */
  CASES("cases"),
  /** Every time the measured step happened: visits, publications, seminars held. */
  OCCURRENCES("occurrences"),
  /** A process variable added up over the counted cases: participants, sales. */
  SUM("sum");

  private final String yamlName;

  Counting(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  static Counting fromYaml(String value) {
    return Arrays.stream(values()).filter(c -> c.yamlName.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("counts must be one of "
            + Arrays.stream(values()).map(Counting::yamlName).collect(Collectors.joining(", ")) + ", not '" + value
            + "'"));
  }
}
