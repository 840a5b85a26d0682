package jp.bansou.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.input.NumberReader;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A chamber's numeric targets (the plan's tables), read from YAML. Anything the report could not use
 * faithfully is refused when the file is read, naming the row, so a wrong file stops the start instead of
 * printing a wrong evaluation sheet.
 */
public record PlanTargets(String chamber, FiscalYear baselineYear, List<TargetRow> rows) {

  public PlanTargets {
    rows = List.copyOf(rows);
  }

  public Optional<TargetRow> row(String id) {
    return rows.stream().filter(row -> row.id().equals(id)).findFirst();
  }

  public static PlanTargets load(Resource resource) {
    String source = resource.getDescription();
    if (!resource.exists()) {
      throw new InvalidTargetsException(source + ": the targets file does not exist (bansou.kpi.targets)");
    }
    Object document;
    try (InputStream in = resource.getInputStream()) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException | RuntimeException e) {
      throw new InvalidTargetsException(source + ": not readable as YAML: " + e.getMessage(), e);
    }
    return parse(source, document);
  }

  static PlanTargets parse(String source, Object document) {
    Map<String, Object> root = map(document, source, "the file");
    Map<String, Object> plan = map(root.get("plan"), source, "plan");
    String chamber = text(plan.get("chamber"), source, "plan.chamber");
    FiscalYear baselineYear = year(plan.get("baseline-year"), source, "plan.baseline-year");

    Object rowsValue = root.get("rows");
    if (!(rowsValue instanceof List<?> rawRows) || rawRows.isEmpty()) {
      throw new InvalidTargetsException(source + ": rows must list the plan's target rows");
    }
    List<TargetRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int index = 0; index < rawRows.size(); index++) {
      Object idValue = rawRows.get(index) instanceof Map<?, ?> raw ? raw.get("id") : null;
      String where = "row " + (index + 1) + (idValue == null ? "" : " '" + idValue + "'");
      TargetRow row = row(rawRows.get(index), source, where);
      if (!ids.add(row.id())) {
        throw new InvalidTargetsException(source + ": " + where + ": the id is used by an earlier row too");
      }
      rows.add(row);
    }
    return new PlanTargets(chamber, baselineYear, rows);
  }

  private static TargetRow row(Object value, String source, String where) {
    Map<String, Object> row = map(value, source, where);
    String id = text(row.get("id"), source, where + ": id");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new InvalidTargetsException(source + ": " + where + ": id must be kebab-case (a-z, 0-9, -)");
    }
    Counting counts;
    try {
      counts = Counting.fromYaml(text(row.get("counts"), source, where + ": counts"));
    } catch (IllegalArgumentException e) {
      throw new InvalidTargetsException(source + ": " + where + ": " + e.getMessage());
    }
    Object per = row.get("per");
    if (per != null && !"business".equals(per) && !(per instanceof Map)) {
      throw new InvalidTargetsException(source + ": " + where + ": per may only be 'business' or the measure of the "
          + "businesses to divide by, not '" + per + "'");
    }
    if (per != null && counts == Counting.BUSINESSES) {
      throw new InvalidTargetsException(source + ": " + where + ": businesses per business is always 1");
    }
    Map<FiscalYear, BigDecimal> targets = new LinkedHashMap<>();
    Map<String, Object> rawTargets = map(row.get("targets"), source, where + ": targets");
    for (Map.Entry<String, Object> target : rawTargets.entrySet()) {
      FiscalYear year = year(target.getKey(), source, where + ": targets");
      if (targets.put(year, amount(target.getValue(), source, where + ": target for " + year)) != null) {
        throw new InvalidTargetsException(source + ": " + where + ": two targets for " + year);
      }
    }
    BigDecimal baseline = row.get("baseline") == null ? null
        : amount(row.get("baseline"), source, where + ": baseline");
    Measure measure = row.get("measure") == null ? null : measure(row.get("measure"), counts, source, where);
    TargetRow.RateOf rateOf = null;
    if (row.get("of") != null) {
      if (per != null || counts == Counting.SUM) {
        throw new InvalidTargetsException(
            source + ": " + where + ": of (a percentage) goes with neither per nor a sum");
      }
      rateOf = "staff".equals(row.get("of")) ? new TargetRow.RateOf(true, null)
          : new TargetRow.RateOf(false, measure(row.get("of"), Counting.CASES, source, where + ": of"));
    }
    return new TargetRow(id, text(row.get("section"), source, where + ": section"),
        text(row.get("label"), source, where + ": label"), text(row.get("unit"), source, where + ": unit"),
        counts, per != null, baseline, targets, measure, rateOf,
        per instanceof Map ? measure(per, Counting.BUSINESSES, source, where + ": per") : null);
  }

  private static Measure measure(Object value, Counting counts, String source, String where) {
    Map<String, Object> measure = map(value, source, where + ": measure");
    String process = text(measure.get("process"), source, where + ": measure.process");
    String activity = optionalText(measure.get("activity"), source, where + ": measure.activity");
    String date = optionalText(measure.get("date"), source, where + ": measure.date");
    if (activity == null && date == null) {
      throw new InvalidTargetsException(source + ": " + where
          + ": measure needs either an activity (counted when it completes) or a date variable, or both (counted on the day recorded)");
    }
    String passed = optionalText(measure.get("passed"), source, where + ": measure.passed");
    String sum = optionalText(measure.get("sum"), source, where + ": measure.sum");
    if ((counts == Counting.SUM) != (sum != null)) {
      throw new InvalidTargetsException(source + ": " + where + ": measure.sum names the variable to add up, "
          + "exactly when the row counts a sum");
    }
    Map<String, Object> conditions = measure.get("where") == null ? Map.of()
        : map(measure.get("where"), source, where + ": measure.where");
    for (Map.Entry<String, Object> condition : conditions.entrySet()) {
      if (!(condition.getValue() instanceof String || condition.getValue() instanceof Boolean)) {
        throw new InvalidTargetsException(source + ": " + where + ": measure.where." + condition.getKey()
            + " must be a text or true/false");
      }
    }
    Set<String> known = Set.of("process", "activity", "date", "passed", "where", "sum");
    for (String key : measure.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidTargetsException(source + ": " + where + ": measure." + key + " is not known (" + known + ")");
      }
    }
    return new Measure(process, activity, date, passed, conditions, sum);
  }

  private static FiscalYear year(Object value, String source, String where) {
    try {
      return FiscalYear.parse(value == null ? null : value.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidTargetsException(
          source + ": " + where + ": '" + value + "' is not a fiscal year like R7 or 2025");
    }
  }

  private static BigDecimal amount(Object value, String source, String where) {
    if (!(value instanceof Number number)) {
      throw new InvalidTargetsException(source + ": " + where + " must be a number, not '" + value + "'");
    }
    try {
      return NumberReader.read(number, false, true);
    } catch (NumberReader.Unreadable notATarget) {
      throw new InvalidTargetsException(source + ": " + where
          + (notATarget.problem() == NumberReader.Problem.NEGATIVE ? " must not be negative" : " must be a number"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String source, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidTargetsException(source + ": " + where + " must be a mapping");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
    return result;
  }

  private static String text(Object value, String source, String where) {
    String text = optionalText(value, source, where);
    if (text == null) {
      throw new InvalidTargetsException(source + ": " + where + " is missing");
    }
    return text;
  }

  private static String optionalText(Object value, String source, String where) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List || value.toString().isBlank()) {
      throw new InvalidTargetsException(source + ": " + where + " must be a text");
    }
    return value.toString().strip();
  }

  /** The targets file cannot be used; the message names the file and the row. */
  public static class InvalidTargetsException extends IllegalStateException {
    InvalidTargetsException(String message) {
      super(message);
    }

    InvalidTargetsException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
