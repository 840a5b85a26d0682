package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiCsvTest {

  private static KpiReport.Row row(String label, BigDecimal actual, String unmeasuredReason) {
    return new KpiReport.Row("r1", "経営状況の分析", label, "件", "cases", false, new BigDecimal("45"),
        new BigDecimal("60"), actual, null, null, actual == null ? null : new BigDecimal("-12.5"), "×", "未達",
        unmeasuredReason, "/api/kpi/R7/rows/r1/cases", null);
  }

  private static String csv(KpiReport.Row... rows) {
    KpiReport report = new KpiReport("R7", 2025, "2025年度", "2025-04-01", "2026-03-31", "留萌商工会議所", "R5",
        "0.5", List.of(rows), new KpiReport.Progress(false, "2026-03-31", null));
    byte[] bytes = KpiCsv.write(report);
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    return new String(bytes, StandardCharsets.UTF_8).substring(1);
  }

  @Test
  void excelGetsEveryFieldQuotedAndCrlfLineEnds() {
    String text = csv(row("経営分析件数", new BigDecimal("30"), null));

    assertThat(text).isEqualTo("\"年度\",\"項番\",\"区分\",\"支援内容\",\"単位\",\"現状\",\"目標(A)\",\"上期実績(4-9月)\","
        + "\"下期実績(10-3月)\",\"年間実績(B)\",\"達成率(B/A)%\",\"判定\",\"備考\"\r\n"
        + "\"2025年度\",\"1\",\"経営状況の分析\",\"経営分析件数\",\"件\",\"45\",\"60\",\"\",\"\",\"30\",\"-12.5\",\"×\",\"\"\r\n");
  }

  @Test
  void aRunningYearsSheetCarriesThePagesPaceFiguresAndIsMarkedMidYear() {
    KpiReport.Row onPace = new KpiReport.Row("r1", "経営状況の分析", "経営分析件数", "件", "cases", false,
        new BigDecimal("45"), new BigDecimal("60"), new BigDecimal("42"), new BigDecimal("30"), new BigDecimal("12"),
        new BigDecimal("-30.0"), "年度途中", "年度途中（判定は年度末）", null, "/api/kpi/R8/rows/r1/cases",
        new KpiReport.Pace(new BigDecimal("40.4"), "○", "順調"));
    KpiReport.Row unmeasured = new KpiReport.Row("r2", "需要動向調査", "=調査件数", "件", "cases", false, null,
        new BigDecimal("3"), null, null, null, null, "年度途中", "年度途中（判定は年度末）", "モデルがありません", null,
        new KpiReport.Pace(new BigDecimal("2.0"), "未計測", "計測元なし"));
    KpiReport report = new KpiReport("R8", 2026, "2026年度", "2026-04-01", "2027-03-31", "留萌商工会議所", "R5",
        "50%", List.of(onPace, unmeasured), new KpiReport.Progress(true, "2026-12-02", new BigDecimal("67.4")));

    byte[] bytes = KpiCsv.write(report);

    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1)).isEqualTo(
        "\"年度\",\"項番\",\"区分\",\"支援内容\",\"単位\",\"現状\",\"目標(A)\",\"上期実績(4-9月)\",\"下期実績(10-3月)\","
            + "\"年間実績(B)\",\"達成率(B/A)%\",\"集計日\",\"年度の経過割合%\",\"今日までの目標(A×経過割合)\",\"ペース\","
            + "\"判定\",\"備考\"\r\n"
            + "\"2026年度\",\"1\",\"経営状況の分析\",\"経営分析件数\",\"件\",\"45\",\"60\",\"30\",\"12\",\"42\",\"-30.0\","
            + "\"2026/12/02\",\"67.4\",\"40.4\",\"○ 順調\",\"年度途中\",\"\"\r\n"
            + "\"2026年度\",\"2\",\"需要動向調査\",\"'=調査件数\",\"件\",\"\",\"3\",\"\",\"\",\"\",\"\","
            + "\"2026/12/02\",\"67.4\",\"2.0\",\"未計測 計測元なし\",\"年度途中\",\"モデルがありません\"\r\n");
  }

  @Test
  void quotesAndLineBreaksInALabelStayInsideTheirField() {
    String text = csv(row("「巡回」の\"訪問\"\n件数", null, "モデルがありません"));

    assertThat(text).contains("\"「巡回」の\"\"訪問\"\"\n件数\"", "\"モデルがありません\"");
  }

  @Test
  void aLabelThatLooksLikeAFormulaIsWrittenAsTextButFiguresKeepTheirSign() {
    String text = csv(row("=HYPERLINK(\"http://example.com\")", new BigDecimal("-3"), "@SUM(A1)"));

    assertThat(text).contains("\"'=HYPERLINK(\"\"http://example.com\"\")\"", "\"'@SUM(A1)\"", "\"-3\"",
        "\"-12.5\"");
  }
}
