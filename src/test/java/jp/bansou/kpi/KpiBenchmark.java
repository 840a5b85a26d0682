package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.bench.BenchApps;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long one fiscal year's KPI report takes as the history grows: {@code ./mvnw -Pbench verify}, results in
 * {@code target/bench/kpi.json} (BenchReport adds them to results.json). Not part of {@code verify}: a benchmark,
 * not a timed test. {@code -Dbench.kpi.sizes=100000,300000,1000000} (the default) are the numbers of historic
 * cases after each step of the fill; {@code -Dbench.kpi.database=postgres} runs it on a fresh PostgreSQL database
 * ({@code -Dbench.kpi.pgDatabase}, default {@code bansou_bench_kpi}) instead of H2.
 *
 * <p>The history is written straight into the engine's ACT_HI_* tables by {@link ModelHistoryFill}, shaped as the
 * models write it. The report reads nothing but those tables, so this measures what a chamber's real history
 * would cost; driving a million cases through the engine instead would take days on this machine and measure
 * the engine, not the report. The year measured (R9) is the middle one of five: a fifth of the history is its
 * own, and the report should cost in proportion to that fifth, not to the whole.
 */
@Tag("bench")
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class KpiBenchmark {

  private static final FiscalYear MEASURED_YEAR = FiscalYear.reiwa(9);
  /** After the plan's five years: no case of the fill counts in it. */
  private static final FiscalYear EMPTY_YEAR = FiscalYear.reiwa(13);
  private static final int[] SIZES = Arrays.stream(System.getProperty("bench.kpi.sizes", "100000,300000,1000000")
      .split(",")).mapToInt(size -> Integer.parseInt(size.trim())).toArray();
  private static final int RUNS = Integer.getInteger("bench.kpi.runs", 5);
  /** A row's actual may differ from its share of the data by this much (business keys recur across cases). */
  private static final double ACTUALS_TOLERANCE = 0.05;
  /** Cases changed between two reports in {@code reportAfterChangesMillis}: a busy day at a hundred times Rumoi. */
  private static final int CHANGED_CASES = Integer.getInteger("bench.kpi.changed", 1000);

  /** {@code -Dbench.kpi.database=postgres}: a fresh PostgreSQL database instead of H2. */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.kpi.database"));
  /**
   * {@code -Dbench.kpi.reuse=true}: the database of an earlier run (PostgreSQL's, or H2's in
   * {@code -Dbench.kpi.h2Dir}) is kept and the fill goes on from the cases it holds: the same history measured
   * again, by other code, without writing it again.
   */
  private static final boolean REUSE = Boolean.getBoolean("bench.kpi.reuse");
  /**
   * {@code -Dbench.kpi.countAll=false} with reuse: the counts an earlier run took are kept (minutes at a million
   * cases) and only the reports are measured again.
   */
  private static final boolean COUNT_ALL = !"false".equals(System.getProperty("bench.kpi.countAll"));

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    if (POSTGRES) {
      String database = System.getProperty("bench.kpi.pgDatabase", "bansou_bench_kpi");
      String url = REUSE ? BenchApps.postgresUrl(database) : BenchApps.freshPostgres(database);
      registry.add("spring.datasource.url", () -> url);
      registry.add("spring.datasource.username", () -> BenchApps.PG_USER);
      registry.add("spring.datasource.password", () -> "");
    } else {
      String dir = System.getProperty("bench.kpi.h2Dir", "./target/bench-data/kpi-" + System.currentTimeMillis());
      registry.add("bansou.data-dir", () -> dir);
    }
  }

  @Autowired
  KpiReports reports;
  @Autowired
  HistoryMeasures measures;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repository;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void oneYearsReportAsTheHistoryGrows() throws Exception {
    ModelHistoryFill fill = new ModelHistoryFill(dataSource, repository, POSTGRES);
    List<Map<String, Object>> results = new ArrayList<>();
    int written = REUSE ? fill.cases() : 0;
    for (int size : SIZES) {
      Instant fillStart = Instant.now();
      if (size > written) {
        fill.write(written, size);
        analyze();
      }
      long fillSeconds = Duration.between(fillStart, Instant.now()).toSeconds();
      written = Math.max(written, size);

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("cases", written);
      result.put("historyRows", fill.rowCounts());
      result.put("fillSeconds", fillSeconds);
      result.put("loadAverage", loadAverage());
      // The fill wrote history as a restore would, without the notes the engine writes with each change: the counts
      // are taken from all history, as after an upgrade to counted reports or a new row in the targets.
      if (COUNT_ALL) {
        result.put("countAllMillis", countAll());
      }
      result.put("reportMillis", time(() -> reports.report(MEASURED_YEAR)));
      // the report the morning after a busy day: CHANGED_CASES cases changed since the last one
      List<String> changed = jdbc.queryForList("SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST ORDER BY PROC_INST_ID_",
          String.class).stream().limit(CHANGED_CASES).toList();
      result.put("changedCases", changed.size());
      result.put("reportAfterChangesMillis", time(() -> {
        jdbc.batchUpdate("INSERT INTO BANSOU_KPI_STALE (CASE_ID) VALUES (?)",
            changed.stream().map(id -> new Object[]{id}).toList());
        reports.report(MEASURED_YEAR);
      }));
      // a year without cases: what is left is what the report pays for the rest of the history
      result.put("emptyYearReportMillis", time(() -> reports.report(EMPTY_YEAR)));
      result.put("casesPageMillis", time(() -> reports.cases(MEASURED_YEAR, "follow-up-visits", 3, 50)));
      result.put("rowMillis", rowMillis());
      KpiReport report = reports.report(MEASURED_YEAR);
      Map<String, Object> figures = new LinkedHashMap<>();
      report.rows().stream().filter(row -> row.actual() != null)
          .forEach(row -> figures.put(row.id(), row.actual()));
      result.put("actuals", figures);
      results.add(result);
      System.out.println("[bench] kpi: " + new ObjectMapper().writeValueAsString(result));
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("benchmark", "KPI report of one fiscal year (" + MEASURED_YEAR.displayName() + ")");
    try (Connection connection = dataSource.getConnection()) {
      summary.put("database", connection.getMetaData().getDatabaseProductName() + " "
          + connection.getMetaData().getDatabaseProductVersion());
    }
    summary.put("measuredAt", Instant.now().toString());
    summary.put("processors", Runtime.getRuntime().availableProcessors());
    summary.put("results", results);
    double smallest = median(results.get(0));
    Map<String, Object> growth = new LinkedHashMap<>();
    for (Map<String, Object> result : results) {
      growth.put(String.valueOf(result.get("cases")), Map.of("data", ratio(((Number) result.get("cases")).doubleValue(),
          SIZES[0]), "reportTime", ratio(median(result), Math.max(smallest, 1))));
    }
    summary.put("growthToTheSmallest", growth);
    Path out = Path.of("target", "bench", "kpi.json");
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), summary);
    System.out.println(Files.readString(out));

    actualsGrowWithTheData(results);
  }

  /** A broken query shows as actuals that stop following the data: each must grow with the number of cases. */
  @SuppressWarnings("unchecked")
  private static void actualsGrowWithTheData(List<Map<String, Object>> results) {
    Map<String, Object> first = (Map<String, Object>) results.get(0).get("actuals");
    assertThat(first).as("rows with actuals").containsKeys("management-analyses", "business-plans",
        "follow-up-businesses", "follow-up-visits", "sales-growth-businesses", "startup-follow-up-visits",
        "succession-follow-up-visits");
    for (Map<String, Object> result : results) {
      double share = ((Number) result.get("cases")).doubleValue() / SIZES[0];
      Map<String, Object> actuals = (Map<String, Object>) result.get("actuals");
      for (String row : List.of("management-analyses", "business-plans", "follow-up-businesses",
          "follow-up-visits", "sales-growth-businesses", "startup-follow-up-businesses", "startup-follow-up-visits",
          "succession-follow-up-businesses", "succession-follow-up-visits")) {
        double base = ((Number) first.get(row)).doubleValue();
        assertThat(base).as(row + " at " + SIZES[0] + " cases").isGreaterThan(0);
        assertThat(((Number) actuals.get(row)).doubleValue()).as(row + " at " + result.get("cases") + " cases")
            .isCloseTo(base * share, withPercentage(ACTUALS_TOLERANCE * 100));
      }
    }
  }

  /** The counts forgotten and taken again from all history, with the statistics autovacuum would then gather. */
  private long countAll() throws SQLException {
    jdbc.update("DELETE FROM BANSOU_KPI_COUNT");
    jdbc.update("DELETE FROM BANSOU_KPI_MEASURE");
    jdbc.update("DELETE FROM BANSOU_KPI_STALE");
    long start = System.nanoTime();
    reports.report(MEASURED_YEAR);
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(POSTGRES ? "VACUUM ANALYZE BANSOU_KPI_COUNT" : "ANALYZE TABLE BANSOU_KPI_COUNT");
    }
    return millis;
  }

  /** Each measured row's actual once (after the report's warm-up): where the report's time goes. */
  private Map<String, Long> rowMillis() {
    List<String> measured = reports.report(MEASURED_YEAR).rows().stream()
        .filter(row -> row.unmeasuredReason() == null).map(KpiReport.Row::id).toList();
    Map<String, Long> millis = new LinkedHashMap<>();
    for (TargetRow row : reports.targets().rows()) {
      if (measured.contains(row.id())) {
        long start = System.nanoTime();
        measures.actual(row, MEASURED_YEAR);
        millis.put(row.id(), (System.nanoTime() - start) / 1_000_000);
      }
    }
    return millis;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double ratio(double figure, double baseline) {
    return Math.round(figure / baseline * 100) / 100.0;
  }

  /**
   * Autovacuum keeps PostgreSQL's statistics and visibility map current as history grows over years; after a
   * bulk load of minutes it has not caught up yet, and the planner would take the tables for empty. H2 analyses
   * a table itself after enough changes; here at once, so that both start from fresh statistics.
   */
  private void analyze() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (POSTGRES) {
        statement.execute("VACUUM ANALYZE " + String.join(", ", ModelHistoryFill.TABLES));
      } else {
        statement.execute("ANALYZE");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static double median(Map<String, Object> result) {
    return ((Number) ((Map<String, Object>) result.get("reportMillis")).get("median")).doubleValue();
  }

  private static Map<String, Object> time(Runnable work) {
    work.run(); // warm up: statement preparation, the database's page cache
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("median", sorted[RUNS / 2]);
    timing.put("min", sorted[0]);
    timing.put("max", sorted[RUNS - 1]);
    timing.put("runs", millis);
    return timing;
  }
}
