package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import jp.bansou.bench.BenchApps;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How long one fiscal year's KPI report takes over a large history: {@code ./mvnw -Pbench verify}, results in
 * {@code target/bench/kpi.json} (BenchReport adds them to results.json). Not part of {@code verify}: a benchmark,
 * not a timed test.
 *
 * <p>The history is written directly into the engine's ACT_HI_* tables in bulk, shaped as the models write
 * it (the same activity ids, types, variables, business keys and process definition ids). The report reads
 * nothing but those tables, so this measures exactly what a chamber's real history would cost; driving
 * 100,000 cases through the engine instead would take hours on this machine and measure the engine, not the
 * report. Cases are spread over the plan's five fiscal years (R7–R11): 60 % analyses, 15 % business plans,
 * 25 % follow-ups (plan, startup with twelve monthly visits, succession), businesses recurring about three
 * times each.
 */
@Tag("bench")
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class KpiBenchmark {

  private static final List<FiscalYear> PLAN_YEARS = List.of(FiscalYear.reiwa(7), FiscalYear.reiwa(8),
      FiscalYear.reiwa(9), FiscalYear.reiwa(10), FiscalYear.reiwa(11));
  private static final FiscalYear MEASURED_YEAR = FiscalYear.reiwa(9);
  private static final int[] SIZES = {10_000, 100_000};
  private static final int RUNS = 7;

  /** {@code -Dbench.kpi.database=postgres}: a fresh {@code bansou_bench_kpi} on PostgreSQL instead of H2. */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.kpi.database"));

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    if (POSTGRES) {
      String url = BenchApps.freshPostgres("bansou_bench_kpi");
      registry.add("spring.datasource.url", () -> url);
      registry.add("spring.datasource.username", () -> BenchApps.PG_USER);
      registry.add("spring.datasource.password", () -> "");
    } else {
      registry.add("bansou.data-dir", () -> "./target/bench-data/run-" + System.currentTimeMillis());
    }
  }

  @Autowired
  KpiReports reports;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repository;

  @Test
  void oneYearsReportOverTenThousandAndAHundredThousandCases() throws Exception {
    HistoryWriter writer = new HistoryWriter(dataSource, repository);
    List<Map<String, Object>> results = new ArrayList<>();
    int written = 0;
    for (int size : SIZES) {
      Instant fillStart = Instant.now();
      writer.write(written, size);
      if (POSTGRES) {
        analyze();
      }
      long fillSeconds = Duration.between(fillStart, Instant.now()).toSeconds();
      written = size;

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("cases", size);
      result.put("historyRows", writer.rowCounts());
      result.put("fillSeconds", fillSeconds);
      result.put("reportMillis", time(() -> reports.report(MEASURED_YEAR)));
      result.put("casesPageMillis", time(() -> reports.cases(MEASURED_YEAR, "follow-up-visits", 3, 50)));
      KpiReport report = reports.report(MEASURED_YEAR);
      Map<String, Object> figures = new LinkedHashMap<>();
      report.rows().stream().filter(row -> row.actual() != null)
          .forEach(row -> figures.put(row.id(), row.actual()));
      result.put("actuals", figures);
      results.add(result);
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("benchmark", "KPI report of one fiscal year (" + MEASURED_YEAR.displayName() + ")");
    summary.put("database", dataSource.getConnection().getMetaData().getDatabaseProductName());
    summary.put("measuredAt", Instant.now().toString());
    summary.put("processors", Runtime.getRuntime().availableProcessors());
    summary.put("indexes", KpiIndexes.statements(POSTGRES));
    summary.put("results", results);
    double small = median(results.get(0));
    double large = median(results.get(1));
    summary.put("growthFactorForTenTimesTheData", Math.round(large / Math.max(small, 1) * 10) / 10.0);
    Path out = Path.of("target", "bench", "kpi.json");
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), summary);
    System.out.println(Files.readString(out));

    assertThat(large).as("median report time at 100,000 cases, ms").isLessThan(2000);
  }

  /**
   * Autovacuum keeps the planner's statistics and visibility map current as history grows over years; after a
   * bulk load of minutes it has not caught up yet, and the planner would take the tables for empty.
   */
  private void analyze() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE ACT_HI_ACTINST, ACT_HI_PROCINST, ACT_HI_VARINST");
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

  /** Writes cases' history rows in JDBC batches, deterministically (a fixed seed). */
  static final class HistoryWriter {

    private static final int VISITS_PLAN = 4;
    private static final int VISITS_STARTUP = 12;
    private static final Duration DAY = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Map<String, String> definitionIds = new LinkedHashMap<>();
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    private long sequence;

    HistoryWriter(DataSource dataSource, RepositoryService repository) {
      this.dataSource = dataSource;
      for (String key : List.of("management-analysis", "business-plan", "follow-up-visits")) {
        definitionIds.put(key, repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .singleResult().getId());
      }
    }

    Map<String, Long> rowCounts() {
      return new LinkedHashMap<>(rowCounts);
    }

    void write(int from, int to) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement process = connection.prepareStatement(
            "INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
                + " END_TIME_, ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement activity = connection.prepareStatement(
                "INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement variable = connection.prepareStatement(
                "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, LONG_, TEXT_, STATE_)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'CREATED')")) {
          Batch batch = new Batch(process, activity, variable);
          for (int i = from; i < to; i++) {
            writeCase(batch, i);
            if ((i + 1) % 5_000 == 0) {
              batch.flush();
              connection.commit();
              System.out.println("[bench] kpi: " + (i + 1) + " cases written");
            }
          }
          batch.flush();
          connection.commit();
        }
      }
    }

    private void writeCase(Batch batch, int i) throws SQLException {
      Random random = new Random(i);
      FiscalYear year = PLAN_YEARS.get(random.nextInt(PLAN_YEARS.size()));
      long yearSeconds = Duration.between(year.start(), year.end()).toSeconds();
      Instant counted = year.start().plusSeconds((long) (random.nextDouble() * yearSeconds));
      String business = "B-" + (i % 33_333) + "-" + (i / 100_000);
      int kind = i % 20;
      if (kind < 12) {
        analysis(batch, business, counted);
      } else if (kind < 15) {
        plan(batch, business, counted);
      } else {
        String track = kind < 18 ? "plan" : kind == 18 ? "startup" : "succession";
        followUp(batch, business, track, counted, random.nextInt(4) != 0);
      }
    }

    private void analysis(Batch batch, String business, Instant fedBack) throws SQLException {
      Case c = start(batch, "management-analysis", business, fedBack.minus(DAY.multipliedBy(20)), fedBack);
      c.activities(batch, fedBack.minus(DAY.multipliedBy(20)), DAY.multipliedBy(2), "AnalysisRequested:startEvent",
          "FiguresToEnter:exclusiveGateway", "EnterFinancialFigures:userTask", "ComputeLocalBenchmark:serviceTask",
          "ReviewFinancialAnalysis:userTask", "FiguresCorrect:exclusiveGateway", "AnalyseNonFinancials:userTask");
      c.activity(batch, "FeedBackResults", "userTask", fedBack.minus(DAY), fedBack, 0);
      c.activities(batch, fedBack, Duration.ZERO, "NextStep:exclusiveGateway", "AnalysisClosed:noneEndEvent");
      c.variables(batch, fedBack, Map.of("entryRoute", "seminar", "analysisNextStep", "end"));
    }

    private void plan(Batch batch, String business, Instant finalized) throws SQLException {
      Case c = start(batch, "business-plan", business, finalized.minus(DAY.multipliedBy(30)), null);
      c.activities(batch, finalized.minus(DAY.multipliedBy(30)), DAY.multipliedBy(5), "PlanRequested:startEvent",
          "DraftBusinessPlan:userTask", "SpecialistNeeded:exclusiveGateway", "SpecialistConsulted:exclusiveGateway",
          "FinancingNeeded:exclusiveGateway", "FinancingSettled:exclusiveGateway");
      c.activity(batch, "FinalizeBusinessPlan", "userTask", finalized.minus(DAY), finalized, 0);
      c.activity(batch, "FollowUpPlan", "callActivity", finalized, null, 0);
      c.variables(batch, finalized, Map.of("planActions", "販路開拓", "needsSpecialist", "false"));
    }

    private void followUp(Batch batch, String business, String track, Instant started, boolean targetMet)
        throws SQLException {
      int visits = track.equals("startup") ? VISITS_STARTUP : VISITS_PLAN;
      Duration interval = track.equals("startup") ? DAY.multipliedBy(30) : DAY.multipliedBy(91);
      Instant end = started.plus(interval.multipliedBy(visits)).plus(DAY);
      Case c = start(batch, "follow-up-visits", business, started, end);
      c.activity(batch, "FollowUpStarted", "startEvent", started, started, 0);
      c.activity(batch, "FollowUpVisit#multiInstanceBody", "multiInstanceBody", started, end.minus(DAY), 1);
      for (int visit = 1; visit <= visits; visit++) {
        Instant due = started.plus(interval.multipliedBy(visit));
        c.activity(batch, "FollowUpVisit", "subProcess", started, due, 1);
        c.activity(batch, "VisitPlanned", "startEvent", started, started, 0);
        c.activity(batch, "VisitFallsDue", "intermediateTimer", started, due, 0);
        c.activity(batch, "VisitWithinDeadline", "subProcess", due, due, 1);
        c.activity(batch, "RecordVisit", "userTask", due, due, 1);
        c.activity(batch, "VisitRecorded", "noneEndEvent", due, due, 0);
      }
      Instant result = end.minus(DAY);
      c.activities(batch, result, Duration.ZERO, "RecordAnnualSales:userTask", "AssessSalesGrowth:serviceTask",
          "SalesGrowthTargetReached:exclusiveGateway",
          (targetMet ? "SalesGrowthTargetMet" : "SalesGrowthTargetMissed") + ":noneEndEvent");
      c.variables(batch, started, Map.of("followUpTrack", track, "visitInterval", interval.toString(),
          "salesGrowthTargetMet", String.valueOf(targetMet)));
    }

    private Case start(Batch batch, String processKey, String business, Instant start, Instant end)
        throws SQLException {
      String id = "bench-" + (++sequence);
      String definition = definitionIds.get(processKey);
      batch.process.setString(1, id);
      batch.process.setString(2, id);
      batch.process.setString(3, business);
      batch.process.setString(4, processKey);
      batch.process.setString(5, definition);
      batch.process.setTimestamp(6, Timestamp.from(start));
      batch.process.setTimestamp(7, end == null ? null : Timestamp.from(end));
      batch.process.setString(8, id);
      batch.process.setString(9, end == null ? "ACTIVE" : "COMPLETED");
      batch.process.addBatch();
      count("ACT_HI_PROCINST");
      Case c = new Case(processKey, definition, id);
      c.variables(batch, start, Map.of("advisor", "sato", "businessName", "留萌ベンチ商店"));
      return c;
    }

    private void count(String table) {
      rowCounts.merge(table, 1L, Long::sum);
    }

    private final class Case {
      final String processKey;
      final String definition;
      final String id;
      int counter;

      Case(String processKey, String definition, String id) {
        this.processKey = processKey;
        this.definition = definition;
        this.id = id;
      }

      void activities(Batch batch, Instant from, Duration step, String... idsAndTypes) throws SQLException {
        Instant at = from;
        for (String idAndType : idsAndTypes) {
          String[] parts = idAndType.split(":");
          activity(batch, parts[0], parts[1], at, at.plus(step), 0);
          at = at.plus(step);
        }
      }

      void activity(Batch batch, String activityId, String type, Instant start, Instant end, int state)
          throws SQLException {
        PreparedStatement a = batch.activity;
        a.setString(1, id + "-a" + (++counter));
        a.setString(2, processKey);
        a.setString(3, definition);
        a.setString(4, id);
        a.setString(5, id);
        a.setString(6, id);
        a.setString(7, activityId);
        a.setString(8, type);
        a.setTimestamp(9, Timestamp.from(start));
        a.setTimestamp(10, end == null ? null : Timestamp.from(end));
        a.setInt(11, state);
        a.setInt(12, counter);
        a.addBatch();
        count("ACT_HI_ACTINST");
      }

      void variables(Batch batch, Instant at, Map<String, String> values) throws SQLException {
        for (Map.Entry<String, String> value : values.entrySet()) {
          variable(batch, id, value.getKey(), at, value.getValue());
        }
      }

      private void variable(Batch batch, String execution, String name, Instant at, String text) throws SQLException {
        PreparedStatement v = batch.variable;
        v.setString(1, id + "-v" + (++counter));
        v.setString(2, processKey);
        v.setString(3, definition);
        v.setString(4, id);
        v.setString(5, id);
        v.setString(6, execution);
        v.setString(7, name);
        boolean flag = text.equals("true") || text.equals("false");
        v.setString(8, flag ? "boolean" : "string");
        v.setTimestamp(9, Timestamp.from(at));
        if (flag) {
          v.setLong(10, text.equals("true") ? 1 : 0);
          v.setString(11, null);
        } else {
          v.setNull(10, Types.BIGINT);
          v.setString(11, text);
        }
        v.addBatch();
        count("ACT_HI_VARINST");
      }
    }

    private record Batch(PreparedStatement process, PreparedStatement activity, PreparedStatement variable) {
      void flush() throws SQLException {
        process.executeBatch();
        activity.executeBatch();
        variable.executeBatch();
      }
    }
  }
}
