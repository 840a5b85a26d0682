package jp.bansou.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.bansou.bench.BenchApps;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the history view answers over a large history: {@code ./mvnw -Pbench verify}, figures in
 * {@code target/bench/history.json}. Not part of {@code verify}: a benchmark, not a timed test.
 *
 * <p>One case with about 300 history events is driven through the real engine (an analysis whose figures are
 * corrected eight times: each round two tasks, the computation and sixteen changed figures, each logged as
 * done by a user). Its opening and four searches are timed on the otherwise empty history (the baseline), then
 * again after 100,000 finished cases were bulk-inserted into ACT_HI_PROCINST/ACTINST/VARINST in the models'
 * shape (as {@code kpi.KpiBenchmark} does: analyses, plans, follow-ups over the plan's five years, businesses
 * recurring three times) with their 33,334 businesses in the registry.
 */
@Tag("bench")
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "bansou.demo.year.enabled=false",
    "bansou.sharing.read=own-businesses"})
class HistoryBenchmark {

  private static final int CASES = Integer.getInteger("bench.history.cases", 100_000);
  private static final int RUNS = 7;
  /** Rounds of entering and correcting the figures: about 40 history events each. */
  private static final int ROUNDS = 8;
  private static final List<FiscalYear> PLAN_YEARS = List.of(FiscalYear.reiwa(7), FiscalYear.reiwa(8),
      FiscalYear.reiwa(9), FiscalYear.reiwa(10), FiscalYear.reiwa(11));

  /** {@code -Dbench.history.database=postgres}: a fresh {@code bansou_bench_history} on PostgreSQL instead of H2. */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.history.database"));

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    if (POSTGRES) {
      String url = BenchApps.freshPostgres("bansou_bench_history");
      registry.add("spring.datasource.url", () -> url);
      registry.add("spring.datasource.username", () -> BenchApps.PG_USER);
      registry.add("spring.datasource.password", () -> "");
    } else {
      registry.add("bansou.data-dir", () -> "./target/bench-data/history-" + System.currentTimeMillis());
    }
  }

  @Autowired
  CaseTrails trails;
  @Autowired
  CaseSearch search;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  BusinessRegistry registry;

  @Test
  void openingACaseAndSearchingOverAHundredThousandFinishedCases() throws Exception {
    HistoricProcessInstance big = caseWithAboutThreeHundredEvents();
    CaseTrail trail = trails.trail(big);
    int events = trail.activities().size() + trail.variableChanges().size() + trail.comments().size();

    Map<String, Object> baseline = measure(big);
    Instant fillStart = Instant.now();
    Map<String, Long> rows = new BulkHistory(dataSource, repository).write(CASES);
    if (POSTGRES) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("VACUUM ANALYZE ACT_HI_ACTINST, ACT_HI_PROCINST, ACT_HI_VARINST, business");
      }
    }
    long fillSeconds = Duration.between(fillStart, Instant.now()).toSeconds();
    Map<String, Object> large = measure(big);

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("benchmark", "history view: one case with " + events + " history events, and the case search");
    summary.put("database", dataSource.getConnection().getMetaData().getDatabaseProductName());
    summary.put("measuredAt", Instant.now().toString());
    summary.put("processors", Runtime.getRuntime().availableProcessors());
    summary.put("loadAverageAtEnd",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    summary.put("caseEvents", events);
    summary.put("bulkCases", CASES);
    summary.put("bulkRows", rows);
    summary.put("fillSeconds", fillSeconds);
    summary.put("baselineEmptyHistory", baseline);
    summary.put("withBulkHistory", large);
    Map<String, Object> ratios = new LinkedHashMap<>();
    baseline.forEach((name, timing) -> ratios.put(name,
        Math.round(median(large.get(name)) / Math.max(1.0, median(timing)) * 10) / 10.0));
    summary.put("ratioToBaseline", ratios);
    Path out = Path.of("target", "bench", POSTGRES ? "history-postgres.json" : "history.json");
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), summary);
    System.out.println(Files.readString(out));

    assertThat(events).as("history events of the opened case").isGreaterThanOrEqualTo(250);
    large.forEach((name, timing) -> assertThat(median(timing)).as(name + " median ms").isLessThan(1000));
  }

  private Map<String, Object> measure(HistoricProcessInstance big) {
    StaffMember auditor = new StaffMember("tanaka", List.of("auditors"));
    StaffMember advisor = new StaffMember("sato", List.of("advisors"));
    FiscalYear year = FiscalYear.reiwa(9);
    Map<String, Object> timings = new LinkedHashMap<>();
    timings.put("openOneCase", time(() -> trails.trail(big)));
    timings.put("searchByBusinessName", time(() -> search.find(auditor,
        new CaseSearch.Criteria("ベンチ商店 1234", null, null, null, null, null, null, 0, 50))));
    timings.put("searchFinishedAnalysesOfAYear", time(() -> search.find(auditor,
        new CaseSearch.Criteria(null, "management-analysis", year, CaseSearch.State.FINISHED, null, null, null, 3,
            50))));
    timings.put("searchEverythingFirstPage", time(() -> search.find(auditor,
        new CaseSearch.Criteria(null, null, null, null, null, null, null, 0, 50))));
    timings.put("searchAsAdvisorOwnBusinesses", time(() -> search.find(advisor,
        new CaseSearch.Criteria(null, null, year, null, null, null, null, 0, 50))));
    return timings;
  }

  /** An analysis whose financial figures are entered and corrected eight times, by a logged-in advisor. */
  private HistoricProcessInstance caseWithAboutThreeHundredEvents() {
    registry.save(new Business("BENCH-BIG", "留萌ベンチ大型案件", "ルモイベンチオオガタアンケン", LegalForm.CORPORATION, "製造業", 9,
        null, null, null, null, null, true, "sato"));
    String id = runtime.startProcessInstanceByKey("management-analysis", "BENCH-BIG",
        putValue("advisor", "sato").putValue("entryRoute", "seminar")).getId();
    identity.setAuthentication("sato", List.of("advisors"));
    try {
      for (int round = 0; round < ROUNDS; round++) {
        long sales = 40_000L + round * 1_000L;
        tasks.complete(taskOf(id), HistoryApiTest.figures(sales).putValue("previousSales", 38_000L + round)
            .putValue("costOfSales", 30_000L + round).putValue("operatingProfit", 2_000L + round)
            .putValue("depreciation", 1_000L + round).putValue("borrowings", 20_000L + round)
            .putValue("cashAndDeposits", 8_000L + round).putValue("accountsReceivable", 6_000L + round)
            .putValue("inventory", 3_000L + round).putValue("accountsPayable", 5_000L + round)
            .putValue("netAssets", 9_000L + round).putValue("totalAssets", 36_000L + round)
            .putValue("fixedCosts", 12_000L + round).putValue("variableCosts", 28_000L + round)
            .putValue("sellingAndAdministrativeExpenses", 15_000L + round));
        tasks.complete(taskOf(id),
            putValue("financialAnalysisNotes", "修正 " + round).putValue("correctFigures", round < ROUNDS - 1));
      }
    } finally {
      identity.clearAuthentication();
    }
    return trails.instance(id).orElseThrow();
  }

  private String taskOf(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @SuppressWarnings("unchecked")
  private static double median(Object timing) {
    return ((Number) ((Map<String, Object>) timing).get("median")).doubleValue();
  }

  private static Map<String, Object> time(Supplier<?> work) {
    work.get(); // warm up: statement preparation, the database's page cache
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      work.get();
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

  /** Finished cases written straight into the history tables in batches, deterministically (a fixed seed each). */
  static final class BulkHistory {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String[] ADVISORS = {"sato", "ito"};

    private final DataSource dataSource;
    private final Map<String, String> definitionIds = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();

    BulkHistory(DataSource dataSource, RepositoryService repository) {
      this.dataSource = dataSource;
      for (String key : List.of("management-analysis", "business-plan", "follow-up-visits")) {
        definitionIds.put(key, repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .singleResult().getId());
      }
    }

    Map<String, Long> write(int cases) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement business = connection.prepareStatement("INSERT INTO business (id, name, name_kana,"
            + " legal_form, industry, employees, chamber_member, advisor, updated_at) VALUES (?, ?, ?, 'CORPORATION',"
            + " '小売業', 3, TRUE, ?, ?)");
            PreparedStatement process = connection.prepareStatement(
                "INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
                    + " END_TIME_, ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED')");
            PreparedStatement activity = connection.prepareStatement(
                "INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
            PreparedStatement variable = connection.prepareStatement(
                "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                    + " EXECUTION_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'string', ?, 0, ?, 'CREATED')")) {
          Timestamp now = Timestamp.from(Instant.now());
          int businesses = cases / 3 + 1;
          for (int b = 0; b < businesses; b++) {
            business.setString(1, "B-" + b);
            business.setString(2, "留萌ベンチ商店 " + b);
            business.setString(3, "ルモイベンチショウテン " + b);
            business.setString(4, ADVISORS[b % ADVISORS.length]);
            business.setTimestamp(5, now);
            business.addBatch();
            count("business");
          }
          business.executeBatch();
          for (int i = 0; i < cases; i++) {
            writeCase(process, activity, variable, i, businesses);
            if ((i + 1) % 5_000 == 0) {
              process.executeBatch();
              activity.executeBatch();
              variable.executeBatch();
              connection.commit();
              System.out.println("[bench] history: " + (i + 1) + " cases written");
            }
          }
          process.executeBatch();
          activity.executeBatch();
          variable.executeBatch();
          connection.commit();
        }
      }
      return rows;
    }

    private void writeCase(PreparedStatement process, PreparedStatement activity, PreparedStatement variable, int i,
        int businesses) throws SQLException {
      Random random = new Random(i);
      FiscalYear year = PLAN_YEARS.get(random.nextInt(PLAN_YEARS.size()));
      long yearSeconds = Duration.between(year.start(), year.end()).toSeconds();
      Instant start = year.start().plusSeconds((long) (random.nextDouble() * yearSeconds));
      int kind = i % 20;
      String key = kind < 12 ? "management-analysis" : kind < 15 ? "business-plan" : "follow-up-visits";
      List<String> path = switch (key) {
        case "management-analysis" -> List.of("AnalysisRequested:startEvent", "FiguresToEnter:exclusiveGateway",
            "EnterFinancialFigures:userTask", "ComputeLocalBenchmark:serviceTask", "ReviewFinancialAnalysis:userTask",
            "FiguresCorrect:exclusiveGateway", "AnalyseNonFinancials:userTask", "FeedBackResults:userTask",
            "NextStep:exclusiveGateway", "AnalysisClosed:noneEndEvent");
        case "business-plan" -> List.of("PlanRequested:startEvent", "DraftBusinessPlan:userTask",
            "SpecialistNeeded:exclusiveGateway", "FinancingNeeded:exclusiveGateway", "FinalizeBusinessPlan:userTask",
            "PlanFinalized:noneEndEvent");
        default -> {
          List<String> visits = new ArrayList<>(List.of("FollowUpStarted:startEvent"));
          for (int v = 0; v < 4; v++) {
            visits.addAll(List.of("VisitPlanned:startEvent", "VisitFallsDue:intermediateTimer", "RecordVisit:userTask",
                "VisitRecorded:noneEndEvent"));
          }
          visits.addAll(List.of("RecordAnnualSales:userTask", "AssessSalesGrowth:serviceTask",
              "SalesGrowthTargetMet:noneEndEvent"));
          yield visits;
        }
      };
      String id = "hb-" + i;
      String definition = definitionIds.get(key);
      Instant end = start.plus(DAY.multipliedBy(path.size()));
      process.setString(1, id);
      process.setString(2, id);
      process.setString(3, "B-" + (i % businesses));
      process.setString(4, key);
      process.setString(5, definition);
      process.setTimestamp(6, Timestamp.from(start));
      process.setTimestamp(7, Timestamp.from(end));
      process.setString(8, id);
      process.addBatch();
      count("ACT_HI_PROCINST");
      Instant at = start;
      int counter = 0;
      for (String step : path) {
        String[] parts = step.split(":");
        activity.setString(1, id + "-a" + (++counter));
        activity.setString(2, key);
        activity.setString(3, definition);
        activity.setString(4, id);
        activity.setString(5, id);
        activity.setString(6, id);
        activity.setString(7, parts[0]);
        activity.setString(8, parts[1]);
        activity.setTimestamp(9, Timestamp.from(at));
        at = at.plus(DAY);
        activity.setTimestamp(10, Timestamp.from(at));
        activity.setInt(11, counter);
        activity.addBatch();
        count("ACT_HI_ACTINST");
      }
      for (Map.Entry<String, String> value : Map.of("advisor", ADVISORS[i % 2], "businessName",
          "留萌ベンチ商店 " + (i % businesses)).entrySet()) {
        variable.setString(1, id + "-v" + (++counter));
        variable.setString(2, key);
        variable.setString(3, definition);
        variable.setString(4, id);
        variable.setString(5, id);
        variable.setString(6, id);
        variable.setString(7, value.getKey());
        variable.setTimestamp(8, Timestamp.from(start));
        variable.setString(9, value.getValue());
        variable.addBatch();
        count("ACT_HI_VARINST");
      }
    }

    private void count(String table) {
      rows.merge(table, 1L, Long::sum);
    }
  }
}
