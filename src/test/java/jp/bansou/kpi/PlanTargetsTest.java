package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import jp.bansou.calendar.FiscalYear;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class PlanTargetsTest {

  @Test
  void rumoisFileHasEveryRowOfThePlansTablesFromR7ToR11() {
    PlanTargets targets = PlanTargets.load(new ClassPathResource("plan/targets-rumoi.yaml"));

    assertThat(targets.chamber()).isEqualTo("留萌商工会議所");
    assertThat(targets.baselineYear()).isEqualTo(FiscalYear.reiwa(5));
    assertThat(targets.rows()).as("27 rows of §3–§8 and 3 of §10").hasSize(30);
    for (TargetRow row : targets.rows()) {
      for (int reiwa = 7; reiwa <= 11; reiwa++) {
        assertThat(row.targetIn(FiscalYear.reiwa(reiwa))).as("%s in R%d", row.id(), reiwa).isPresent();
      }
      assertThat(row.targetIn(FiscalYear.reiwa(12))).as("the plan ends with R11").isEmpty();
    }
    TargetRow brushUp = targets.row("product-brush-up-businesses").orElseThrow();
    assertThat(brushUp.targetIn(FiscalYear.reiwa(7))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
    assertThat(brushUp.targetIn(FiscalYear.reiwa(8))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("6"));
    assertThat(brushUp.baseline()).as("the plan shows —").isNull();
    TargetRow visits = targets.row("follow-up-visits").orElseThrow();
    assertThat(visits.counts()).isEqualTo(Counting.OCCURRENCES);
    assertThat(visits.baseline()).isEqualByComparingTo("36");
    assertThat(visits.measure().where()).containsEntry("followUpTrack", "plan");
    TargetRow sales = targets.row("trade-fair-sales-per-business").orElseThrow();
    assertThat(sales.perBusiness()).isTrue();
    assertThat(sales.unit()).isEqualTo("円");
    assertThat(targets.row("business-plans").orElseThrow().counts()).isEqualTo(Counting.BUSINESSES);
    assertThat(targets.row("management-analyses").orElseThrow().counts()).isEqualTo(Counting.CASES);
  }

  @Test
  void westernYearsMayNameTheTargetsToo() {
    PlanTargets targets = load(row("""
        counts: cases
            targets: { 2025: 4, R8: 5 }"""));
    assertThat(targets.rows().get(0).targetIn(FiscalYear.reiwa(7)))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4"));
  }

  @Test
  void aBadRowStopsTheStartWithAMessageNamingIt() {
    assertRefused(row("counts: visits\n    targets: { R7: 1 }"), "row 1 'analyses'", "counts must be one of");
    assertRefused(row("counts: cases\n    targets: { R7: many }"), "row 1 'analyses'",
        "target for R7 must be a number");
    assertRefused(row("counts: cases\n    targets: { R7: -1 }"), "row 1 'analyses'", "must not be negative");
    assertRefused(row("counts: cases\n    targets: { FY7: 1 }"), "row 1 'analyses'", "'FY7' is not a fiscal year");
    assertRefused(row("counts: cases\n    targets: { R7: 1 }\n    measure: { process: management-analysis }"),
        "row 1 'analyses'", "either an activity");
    assertRefused(row("counts: sum\n    targets: { R7: 1 }\n    measure: { process: seminar, date: heldOn }"),
        "row 1 'analyses'", "measure.sum");
    assertRefused(row("counts: cases\n    targets: { R7: 1 }\n    measure: { process: p, activity: A, when: x }"),
        "row 1 'analyses'", "measure.when is not known");
    assertRefused(row("counts: businesses\n    per: business\n    targets: { R7: 1 }"), "row 1 'analyses'",
        "always 1");
    assertRefused("""
        plan: { chamber: 留萌商工会議所, baseline-year: R5 }
        rows:
          - { id: a, section: "§5", label: 経営分析件数, unit: 件, counts: cases, targets: { R7: 1 } }
          - { id: a, section: "§5", label: 重複, unit: 件, counts: cases, targets: { R7: 1 } }
        """, "row 2 'a'", "used by an earlier row");
    assertRefused("""
        plan: { chamber: 留萌商工会議所, baseline-year: R5 }
        rows:
          - { id: a, section: "§5", unit: 件, counts: cases, targets: { R7: 1 } }
        """, "row 1 'a'", "label is missing");
    assertRefused("plan: [", "test-targets.yaml", "not readable as YAML");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> PlanTargets.load(new ClassPathResource("plan/targets-nowhere.yaml")))
        .isInstanceOf(PlanTargets.InvalidTargetsException.class)
        .hasMessageContaining("targets-nowhere.yaml").hasMessageContaining("does not exist");
  }

  private static String row(String rest) {
    return """
        plan: { chamber: 留萌商工会議所, baseline-year: R5 }
        rows:
          - id: analyses
            section: "§5"
            label: 経営分析件数
            unit: 件
            %s
        """.formatted(rest);
  }

  private static PlanTargets load(String yaml) {
    return PlanTargets.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test-targets.yaml") {
      @Override
      public String getDescription() {
        return "test-targets.yaml";
      }
    });
  }

  private static void assertRefused(String yaml, String... messageParts) {
    var refusal = assertThatThrownBy(() -> load(yaml)).isInstanceOf(PlanTargets.InvalidTargetsException.class);
    for (String part : messageParts) {
      refusal.hasMessageContaining(part);
    }
  }
}
