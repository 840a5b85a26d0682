package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup on PostgreSQL (issue #21): how many finished cases one night's window removes, for the
 * engine's own settings (the baseline: batch size 500, one job) and the batch sizes and degrees of parallelism
 * in {@code -Dbench.cleanupSettings} ({@code batchSize x parallelism}, comma-separated).
 *
 * <p>The cases are real: {@code -Dbench.cleanupRealCases} analyses → business plan → four quarterly visits
 * ({@link CaseDriver}) and as many counter consultations are driven through Bansō's models, their history rows
 * counted per table. Then {@code -Dbench.cleanupCases} copies of the analysis cases are written beside them,
 * row for row under new ids, their timestamps moved so that their removal time (end + 3,650 days, as the
 * engine's {@code end} strategy set it) passed within the last 30 days, and {@code -Dbench.cleanupKept} copies
 * whose removal time is still ahead (10 minutes to a year), oldest first as a history grows. This database is
 * the template ({@code VACUUM ANALYZE}d, as autovacuum would have it; {@link AutovacuumAsByDefault} stands in
 * for autovacuum during the cleanup): each setting gets
 * a fresh copy of it, started with a batch window that is open now, and the job executor runs the engine's
 * own cleanup job until it reschedules itself for later. Afterwards no row of an expired case may be left in
 * any table, and every row of the kept cases must still be there.
 */
@Tag("bench")
class HistoryCleanupBench {

  static final int REAL = BenchResults.size("cleanupRealCases", 4);
  static final int EXPIRED = BenchResults.size("cleanupCases", 1000);
  static final int KEPT = BenchResults.size("cleanupKept", 2000);
  /** How often the stand-in for autovacuum looks at the tables (PostgreSQL's autovacuum_naptime); 0: never. */
  static final int VACUUM_SECONDS = BenchResults.size("cleanupVacuumSeconds", 60);
  static final String SETTINGS = System.getProperty("bench.cleanupSettings", "500x1,100x1,500x2,500x1");
  /**
   * Root cases Bansō creates for Rumoi in a year (docs/performance.md "History cleanup" derives it from the
   * plan's targets and calendar; the 2,000 consultations are an assumption, the plan gives no figure). Each is
   * cleaned up with the cases it called (a plan and its visits go with their analysis).
   */
  static final int RUMOI_CASES_PER_YEAR = 2_300;
  static final String TEMPLATE = "bansou_bench_cleanup_template";
  static final String DATABASE = "bansou_bench_cleanup";
  static final String ENGINE_DEFAULT = "500x1";
  static final String PROPERTY = "camunda.bpm.generic-properties.properties.";
  static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  /** Rows of the expired cases in every table, as the template has them before any cleanup. */
  private long expiredRows;

  @Test
  void oneNightRemovesTheFinishedCasesOfAHundredRumoiYears() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("expiredCases", EXPIRED);
    figures.put("keptCases", KEPT);
    figures.put("template", buildTemplate());
    Map<String, Object> runs = new LinkedHashMap<>();
    figures.put("runs", runs);
    for (String setting : SETTINGS.split(",")) {
      // a setting named twice (the engine's default again at the end) shows how far the machine drifted
      String key = runs.containsKey(setting.trim()) ? setting.trim() + " again" : setting.trim();
      runs.put(key, measure(setting.trim()));
      // each setting's figures as soon as it has them: a run stopped half-way keeps what it measured
      BenchResults.record("historyCleanup", figures);
    }
    if (runs.containsKey(ENGINE_DEFAULT)) {
      double baseline = casesPerHour(runs.get(ENGINE_DEFAULT));
      Map<String, Object> ratios = new LinkedHashMap<>();
      runs.forEach((setting, run) -> ratios.put(setting, BenchResults.ratio(casesPerHour(run), baseline)));
      figures.put("casesPerHourRatioToEngineDefault", ratios);
      long night = Math.round(baseline * 7);
      long needed = Math.round(100.0 * RUMOI_CASES_PER_YEAR / 365);
      figures.put("rumoiCasesPerYear", RUMOI_CASES_PER_YEAR);
      figures.put("neededPerNightAtHundredTimesRumoi", needed);
      figures.put("casesPerSevenHourNightAtEngineDefault", night);
      figures.put("nightsWorthRemovedInOneNightAtEngineDefault", night / needed);
      assertThat(night).as("cases one 7-hour night removes with the engine's defaults").isGreaterThan(needed);
    }
    BenchResults.record("historyCleanup", figures);
  }

  @SuppressWarnings("unchecked")
  private static double casesPerHour(Object run) {
    return ((Number) ((Map<String, Object>) run).get("casesPerHour")).doubleValue();
  }

  /** Real cases, their rows per table, and the copies to be cleaned up, in the template database. */
  private Map<String, Object> buildTemplate() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    String url = BenchApps.freshPostgres(TEMPLATE);
    try (ConfigurableApplicationContext app = BenchApps.start("benchCleanup", BenchApps.database(url),
        Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      BusinessRegistry registry = app.getBean(BusinessRegistry.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      CaseDriver driver = new CaseDriver(engine, false);
      try {
        for (int i = 0; i < REAL; i++) {
          driver.run(CaseDriver.newBusiness(registry));
          recordCounterConsultation(engine, CaseDriver.newBusiness(registry));
        }
      } finally {
        ClockUtil.reset();
      }
      HistoryTables tables = new HistoryTables(jdbc);
      figures.put("tables", tables.names());
      figures.put("rowsPerFinishedCase", tables.rowsPerFinishedCase());
      figures.put("rowsOfFinishedCasesWithoutRemovalTime", tables.rowsOfFinishedCasesWithoutRemovalTime());

      // Copies of the analyses: removal times spread evenly over the last 30 days (expired) or the next year
      // (kept), so that they fall in every minute of the hour as the parallel jobs divide them.
      jdbc.execute(
          "create table bench_copies (template_ varchar(64), suffix_ varchar(16), shift_ interval, expired_ boolean)");
      jdbc.update(
          """
              insert into bench_copies
              select t.id_, '~' || lpad(n::text, 6, '0'), target - t.removal_time_, n <= ?
              from generate_series(1, ? + ?) n
              cross join lateral (select case when n <= ? then ?::timestamp - interval '1 minute' - (n * interval '30 days' / ?)
                                              else ?::timestamp + interval '10 minutes' + ((n - ?) * interval '365 days' / ?) end) as x(target)
              join lateral (select id_, removal_time_ from act_hi_procinst
                            where proc_def_key_ = 'management-analysis' and end_time_ is not null
                              and proc_inst_id_ = root_proc_inst_id_
                            order by id_ offset (n % ?) limit 1) t on true""",
          EXPIRED, EXPIRED, KEPT, EXPIRED, japanNow(), EXPIRED, japanNow(), EXPIRED, Math.max(1, KEPT), REAL);
      long started = System.nanoTime();
      tables.copyCases("bench_copies");
      figures.put("copySeconds", Math.round((System.nanoTime() - started) / 1e9));
      jdbc.execute(
          "create table bench_expired_roots as select template_ || suffix_ as id_ from bench_copies where expired_");
      jdbc.execute(
          "create table bench_kept_roots as select template_ || suffix_ as id_ from bench_copies where not expired_"
              + " union all select id_ from act_hi_procinst where proc_inst_id_ = root_proc_inst_id_ and id_ not like '%~%'");
      Map<String, Long> toRemove = tables.rowsOf("bench_expired_roots");
      expiredRows = toRemove.values().stream().mapToLong(Long::longValue).sum();
      figures.put("rowsToRemove", toRemove);
      figures.put("rowsToKeep", tables.rowsOf("bench_kept_roots"));
    }
    // as autovacuum would after a day of new history: without statistics the planner takes the tables for empty
    try (Connection connection = DriverManager.getConnection(url, BenchApps.PG_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
    return figures;
  }

  private static void recordCounterConsultation(ProcessEngine engine, String businessId) {
    new EngineClock(engine.getManagementService()).setTo(LocalDateTime.of(2025, 6, 2, 10, 0));
    FormService forms = engine.getFormService();
    IdentityService identity = engine.getIdentityService();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("consultation").latestVersion().singleResult().getId();
    identity.setAuthentication("sato", List.of("advisors"));
    try {
      forms.submitStartForm(definition, putValue("businessId", businessId).putValue("contactDate", "2025-06-02")
          .putValue("channel", "counter").putValue("topicFinance", true).putValue("topicSubsidy", true)
          .putValue("heard", "マル経資金で冷凍設備を更新したい。持続化補助金も検討中。"));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** One setting on a fresh copy of the template: the engine's job removes every expired case. */
  private Map<String, Object> measure(String setting) throws Exception {
    String[] parts = setting.split("x");
    int batchSize = Integer.parseInt(parts[0]);
    int parallelism = Integer.parseInt(parts[1]);
    String url = copyOfTemplate();
    Map<String, String> properties = new LinkedHashMap<>();
    // a window open from two minutes ago for six hours, in the plan's time zone as application.yaml's 22:00
    ZonedDateTime now = ZonedDateTime.now(EngineClock.JAPAN);
    properties.put(PROPERTY + "historyCleanupBatchWindowStartTime", now.minusMinutes(2).format(HOUR_MINUTE));
    properties.put(PROPERTY + "historyCleanupBatchWindowEndTime", now.plusHours(6).format(HOUR_MINUTE));
    properties.put(PROPERTY + "historyCleanupBatchSize", String.valueOf(batchSize));
    properties.put(PROPERTY + "historyCleanupDegreeOfParallelism", String.valueOf(parallelism));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("batchSize", batchSize);
    figures.put("degreeOfParallelism", parallelism);
    figures.put("loadAverageBefore", loadAverage());
    AutovacuumAsByDefault autovacuum = new AutovacuumAsByDefault(url, VACUUM_SECONDS);
    try (ConfigurableApplicationContext app = BenchApps.start("benchCleanup", BenchApps.database(url), properties);
        autovacuum) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      HistoryTables tables = new HistoryTables(jdbc);
      autovacuum.start(tables.names());
      Map<String, Long> keptBefore = tables.rowsOf("bench_kept_roots");
      // done when every cleanup job has found less than a batch in every table and waits for its next run (a
      // job that filled a batch is due again at once; one that did not, 10 s later at the earliest), twice in a row
      long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
      int idleChecks = 0;
      while (idleChecks < 2) {
        assertThat(System.nanoTime()).as("cleanup finished within two hours").isLessThan(deadline);
        Thread.sleep(1000);
        boolean busy = jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = 'history-cleanup'"
            + " and (lock_owner_ is not null or duedate_ <= ? or retries_ < 3)", Long.class,
            japanNow().plusSeconds(5)) > 0;
        idleChecks = busy ? 0 : idleChecks + 1;
      }
      figures.put("loadAverageAfter", loadAverage());
      figures.put("vacuums", autovacuum.vacuums());
      Map<String, Object> log = jdbc.queryForMap("""
          select count(*) as runs, min(timestamp_) as first, max(timestamp_) as last
          from act_hi_job_log where job_def_type_ = 'history-cleanup' and job_state_ = 2""");
      long runs = ((Number) log.get("runs")).longValue();
      double span = (((java.sql.Timestamp) log.get("last")).getTime()
          - ((java.sql.Timestamp) log.get("first")).getTime())
          / 1000.0;
      // the span runs from the end of the first run to the end of the last: runs − 1 runs' time
      double seconds = runs > 1 ? span * runs / (runs - 1) : span;
      figures.put("cleanupRuns", runs);
      figures.put("failedRuns", jdbc.queryForObject(
          "select count(*) from act_hi_job_log where job_def_type_ = 'history-cleanup' and job_state_ = 1",
          Long.class));
      figures.put("seconds", BenchResults.round(seconds, 1));
      figures.put("casesPerHour", Math.round(EXPIRED / seconds * 3600));
      figures.put("rowsPerSecond", Math.round(expiredRows / seconds));
      figures.put("casesPerSevenHourNight", Math.round(EXPIRED / seconds * 7 * 3600));
      figures.put("jobLogRowsWritten", jdbc.queryForObject(
          "select count(*) from act_hi_job_log where job_def_type_ = 'history-cleanup'", Long.class));
      figures.put("jobLogRowsWithRemovalTime", jdbc.queryForObject("select count(*) from act_hi_job_log"
          + " where job_def_type_ = 'history-cleanup' and removal_time_ is not null", Long.class));
      figures.put("meterLogRowsWritten", jdbc.queryForObject(
          "select count(*) from act_ru_meter_log where name_ like 'history-cleanup%'", Long.class));
      figures.put("nextRunAfterSeconds", jdbc.queryForObject("select extract(epoch from min(duedate_) - ?::timestamp)"
          + " from act_ru_job where handler_type_ = 'history-cleanup'", Double.class, japanNow()));
      Map<String, Long> left = tables.rowsOf("bench_expired_roots");
      figures.put("rowsOfExpiredCasesLeft", left);
      assertThat(left).as("rows of expired cases left after the cleanup").isEmpty();
      assertThat(tables.rowsOf("bench_kept_roots")).as("rows of cases within ten years").isEqualTo(keptBefore);
    }
    return figures;
  }

  /**
   * The engine writes its timestamps as Japan's wall-clock time (the JVM's zone, PlanTimeZone) into columns
   * without a zone; the database server's own clock may run in another zone, so comparisons take this.
   */
  private static LocalDateTime japanNow() {
    return LocalDateTime.now(EngineClock.JAPAN);
  }

  private static String copyOfTemplate() throws Exception {
    try (Connection connection = DriverManager.getConnection(BenchApps.postgresUrl("postgres"), BenchApps.PG_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE " + TEMPLATE);
    }
    return BenchApps.postgresUrl(DATABASE);
  }

  private static List<Double> loadAverage() throws Exception {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    List<Double> load = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      load.add(Double.parseDouble(fields[i]));
    }
    return load;
  }
}
