package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.BusinessCalendarProperties;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;
import jp.bansou.calendar.BusinessCalendarProperties.YearEndClosure;
import jp.bansou.calendar.NationalHolidays;
import org.springframework.core.io.ClassPathResource;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** During the year the report shows the pace against what the target means by today; the verdict after it. */
@EngineTest
class KpiPaceTest {

  @Autowired
  KpiReports reports;

  @Test
  void theElapsedShareOfAFiscalYearCountsTodayAsPassed() {
    FiscalYear r8 = FiscalYear.reiwa(8);
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 3, 31))).isEqualByComparingTo("0");
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 4, 1))).isEqualByComparingTo("0.0027");
    // April 1 to September 30 is 183 of 365 days
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 9, 30))).isEqualByComparingTo("0.5014");
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2027, 3, 31))).isEqualByComparingTo("1");
  }

  @Test
  void countedByOpenDaysGoldenWeekAndTheYearEndClosureDoNotCount() {
    FiscalYear r8 = FiscalYear.parse("R8");
    BusinessCalendarProperties properties = new BusinessCalendarProperties(
        Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), new YearEndClosure(MonthDay.of(12, 29), MonthDay.of(1, 3)),
        List.of(), Direction.NEXT_OPEN_DAY, new ClassPathResource("calendar/syukujitsu.csv"),
        new ClassPathResource("calendar/holidays-projected.csv"));
    BusinessCalendar calendar = new BusinessCalendar(properties, new NationalHolidays(properties));
    // R8 has 241 open days; 22 of them by the end of Golden Week (36 calendar days), 122 by September 30
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 5, 6), calendar::isOpen)).isEqualByComparingTo("0.0913");
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 5, 6))).isEqualByComparingTo("0.0986");
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2026, 9, 30), calendar::isOpen))
        .isEqualByComparingTo("0.5062");
    assertThat(YearPace.elapsedShare(r8, LocalDate.of(2027, 3, 31), calendar::isOpen)).isEqualByComparingTo("1");
  }

  @Test
  void halfWayThroughTheYearHalfTheTargetIsDueAndAnActualAtThatIsOnPace() {
    BigDecimal due = YearPace.targetByToday(new BigDecimal("60"), new BigDecimal("0.5014"));

    assertThat(due).isEqualByComparingTo("30.1");
    assertThat(YearPace.pace(due, new BigDecimal("31"), new BigDecimal("0.5"))).isEqualTo(Verdict.MET);
    assertThat(YearPace.pace(due, new BigDecimal("20"), new BigDecimal("0.5"))).isEqualTo(Verdict.PARTLY_MET);
    assertThat(YearPace.pace(due, new BigDecimal("10"), new BigDecimal("0.5"))).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void aRunningYearIsMarkedMidYearWithPaceAndAnEndedYearGetsItsVerdict() {
    FiscalYear r8 = FiscalYear.reiwa(8);

    KpiReport running = reports.report(r8, LocalDate.of(2026, 12, 2));
    assertThat(running.progress().running()).isTrue();
    assertThat(running.progress().asOf()).isEqualTo("2026-12-02");
    // April 1 to December 2: 246 of 365 days
    assertThat(running.progress().elapsedPercent()).isEqualByComparingTo("67.4");
    KpiReport.Row analyses = running.rows().stream().filter(row -> row.id().equals("management-analyses"))
        .findFirst().orElseThrow();
    assertThat(analyses.verdict()).isEqualTo("年度途中");
    assertThat(analyses.pace().targetByToday())
        .isEqualByComparingTo(
            analyses.target().multiply(new BigDecimal("0.6740")).setScale(1, java.math.RoundingMode.HALF_UP));
    assertThat(analyses.pace().mark()).isIn("○", "△", "×");

    KpiReport ended = reports.report(r8, LocalDate.of(2027, 4, 1));
    assertThat(ended.progress().running()).isFalse();
    assertThat(ended.rows()).allSatisfy(row -> assertThat(row.pace()).isNull());
    assertThat(ended.rows()).extracting(KpiReport.Row::verdict).doesNotContain("年度途中");
  }

  @Test
  void theCsvOfARunningYearShowsThePaceAsThePageDoesAndTheEndedYearKeepsItsVerdictOnly() {
    FiscalYear r8 = FiscalYear.reiwa(8);
    KpiReport running = reports.report(r8, LocalDate.of(2026, 12, 2));
    KpiReport.Row analyses = running.rows().stream().filter(row -> row.id().equals("management-analyses"))
        .findFirst().orElseThrow();

    List<String> lines = lines(KpiCsv.write(running));
    assertThat(lines.get(0)).contains("\"集計日\",\"年度の経過割合%\",\"今日までの目標(A×経過割合)\",\"ペース\",\"判定\"");
    assertThat(lines).filteredOn(line -> line.contains("\"" + analyses.label() + "\"")).singleElement()
        .satisfies(line -> assertThat(line).contains("\"2026/12/02\",\"67.4\",\""
            + analyses.pace().targetByToday().toPlainString() + "\",\"" + analyses.pace().mark() + " "
            + analyses.pace().label() + "\",\"年度途中\""));

    List<String> ended = lines(KpiCsv.write(reports.report(r8, LocalDate.of(2027, 4, 1))));
    assertThat(ended.get(0)).doesNotContain("ペース", "集計日").endsWith("\"達成率(B/A)%\",\"判定\",\"備考\"");
    assertThat(String.join("\n", ended)).doesNotContain("年度途中");
  }

  private static List<String> lines(byte[] csv) {
    return List.of(new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n"));
  }
}
