package jp.bansou.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.business.BusinessRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Cases per second through analysis → plan → four quarterly visits → annual sales, one after another
 * through the Java API, on H2 and on PostgreSQL; the baseline is the same flow on the bare copies of the
 * models in the same engine. {@code -Dbench.cases=N} (default 200) after a warm-up of N/5 of each.
 */
@Tag("bench")
class CaseThroughputBench {

  private static final int CASES = BenchResults.size("cases", 200);

  @Test
  void casesPerSecondOnH2AndPostgresAgainstTheBareModels() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("cases", CASES);
    String h2 = "./" + BenchResults.DIR.resolve("throughput-h2");
    FileSystemUtils.deleteRecursively(java.nio.file.Path.of(h2));
    figures.put("h2", measure(BenchApps.database(h2), true));
    figures.put("postgres", measure(BenchApps.database(BenchApps.freshPostgres("bansou_bench")), false));
    BenchResults.record("caseThroughput", figures);
  }

  private Map<String, Object> measure(List<String> database, boolean h2) throws Exception {
    try (ConfigurableApplicationContext app = BenchApps.start("benchThroughput", database,
        Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      BareModels.deploy(engine.getRepositoryService());
      CaseDriver bansou = new CaseDriver(engine, false);
      CaseDriver bare = new CaseDriver(engine, true);
      BusinessRegistry registry = app.getBean(BusinessRegistry.class);
      int steps = 0;
      for (int i = 0; i < Math.max(1, CASES / 5); i++) {
        steps = bansou.run(CaseDriver.newBusiness(registry));
        bare.run(CaseDriver.newBusiness(registry));
      }
      // One case of each in turn, each timed alone: the machine's load swings hit both alike.
      long bansouNanos = 0;
      long bareNanos = 0;
      for (int i = 0; i < CASES; i++) {
        String bansouBusiness = CaseDriver.newBusiness(registry);
        String bareBusiness = CaseDriver.newBusiness(registry);
        long started = System.nanoTime();
        bansou.run(bansouBusiness);
        long between = System.nanoTime();
        bare.run(bareBusiness);
        bansouNanos += between - started;
        bareNanos += System.nanoTime() - between;
      }
      double bansouRate = CASES / (bansouNanos / 1e9);
      double bareRate = CASES / (bareNanos / 1e9);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("stepsPerCase", steps);
      result.put("bansouCasesPerSecond", BenchResults.round(bansouRate, 1));
      result.put("bareCasesPerSecond", BenchResults.round(bareRate, 1));
      result.put("ratio", BenchResults.ratio(bansouRate, bareRate));
      if (h2) {
        result.put("statementsPerCase", statementsPerCase(app, bansou, bare, registry));
      }
      return result;
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * What each side asks of the database for one case, counted by H2's query statistics after the timed part:
   * statements and commits do not move with the machine's load as the seconds do, so they say where a
   * difference in the ratio comes from (docs/performance.md "Case throughput on H2").
   */
  private static Map<String, Object> statementsPerCase(ConfigurableApplicationContext app, CaseDriver bansou,
      CaseDriver bare, BusinessRegistry registry) {
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Map.Entry<String, CaseDriver> side : Map.of("bansou", bansou, "bare", bare).entrySet()) {
      String business = CaseDriver.newBusiness(registry);
      // switching the statistics on empties them; the entries keep every distinct statement of a case
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
      side.getValue().run(business);
      Map<String, Object> sums = jdbc.queryForMap("SELECT SUM(EXECUTION_COUNT) AS STATEMENTS,"
          + " SUM(CASE WHEN SQL_STATEMENT = 'COMMIT' THEN EXECUTION_COUNT ELSE 0 END) AS COMMITS"
          + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      counts.put(side.getKey(), Map.of("statements", ((Number) sums.get("STATEMENTS")).longValue(),
          "commits", ((Number) sums.get("COMMITS")).longValue()));
    }
    return counts;
  }
}
