package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.tasklist.TaskListIndexes;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An advisor's task list through {@code /engine-rest} on PostgreSQL as the open tasks grow (default 10,000, 50,000
 * and 200,000; {@code -Dbench.taskSizes=2000,10000} for a smaller run, each size a multiple of the first): the
 * advisors' group's tasks by due date, first page of 15, as Tasklist asks for them, as the demo advisor with
 * authorization checks. Baseline: the same request as the administrator, whose one grant on every task the engine
 * checks with the same join (the cheapest grants there are); the plan of the query with no check at all (the Java
 * API with nobody logged in) is shown beside them. At each size also the advisor with the engine's own task grants (READ on every task's grant of
 * every candidate and assignee, as before {@code business.TaskGrants}), the shape the issue measured. Each figure
 * is p50/p95 of up to 200 requests after 30 to warm up; the database's plan of each statement as the engine sent
 * it goes to {@code target/bench/task-list-plans/}.
 *
 * <p>The first size is seeded through the engine (analyses of as many businesses, assigned to one of two advisors,
 * offered to advisors and assistants, with their grants as the engine writes them); larger sizes copy those tasks
 * with their identity links and grants row for row in SQL (seeding 200,000 tasks through the engine would take
 * half an hour on two cores, and the query reads nothing else).
 */
@Tag("bench")
class TaskListBench {

  static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.taskSizes", "10000,50000,200000")
      .split(",")).map(String::trim).map(Integer::valueOf).toList();
  static final int REQUESTS = 200;
  static final int WARM_UP = 30;
  /** A slow figure stops after this long rather than after 200 requests. */
  static final long BUDGET_NANOS = 90_000_000_000L;
  /**
   * {@code -Dbench.sharing=own-businesses} runs the page under the other sharing rule, where a task's grant to its
   * advisor in charge carries READ (ADR 0105): one such grant per task instead of none.
   */
  static final String SHARING = System.getProperty("bench.sharing", "all-staff");
  /**
   * The engine's own grants are measured up to this size only (default: the first size): their cost grows with
   * tasks × grants, minutes a request beyond it.
   */
  static final int ENGINE_GRANTS_UP_TO = Integer.getInteger("bench.engineGrantsUpTo", SIZES.get(0));
  static final String GROUP_QUERY = "/engine-rest/task?candidateGroup=advisors&includeAssignedTasks=true"
      + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  static final String MY_QUERY = "/engine-rest/task?assignee=sato&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  static final Path PLANS = BenchResults.DIR.resolve("task-list-plans");
  /** A task's own grants (resource type 7, TASK), as opposed to the roles' grants on every task ({@code *}). */
  static final String OWN_TASK_GRANTS = "resource_type_ = 7 and resource_id_ <> '*'";

  @Test
  void anAdvisorsFirstPageOfTasksAmongManyOpenOnes() throws Exception {
    String url = BenchApps.freshPostgres("bansou_bench_tasks");
    try (ConfigurableApplicationContext app = BenchApps.start("default", BenchApps.database(url),
        Map.of("camunda.bpm.job-execution.enabled", "false", "bansou.sharing.read", SHARING))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      Files.createDirectories(PLANS);

      int seeded = SIZES.get(0);
      long seeding = System.nanoTime();
      BusinessRegistry registry = app.getBean(BusinessRegistry.class);
      Batches.run(engine, seeded, i -> {
        String advisor = i % 2 == 0 ? "sato" : "ito";
        BenchBusinesses.register(registry, "L-" + i, advisor);
        engine.getRuntimeService().startProcessInstanceByKey("management-analysis", "L-" + i,
            putValue("businessId", "L-" + i).putValue("advisor", advisor).putValue("entryRoute", "marukeiLoan"));
      });
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("query", GROUP_QUERY);
      figures.put("database", jdbc.queryForObject("select version()", String.class));
      figures.put("engineSeededTasks", seeded);
      figures.put("engineSeedSeconds", BenchResults.round((System.nanoTime() - seeding) / 1e9, 1));
      figures.put("sharing", SHARING);
      long readingGrants = jdbc.queryForObject("select count(*) from act_ru_authorization where " + OWN_TASK_GRANTS
          + " and perms_ & 2 = 2", Long.class);
      if (SHARING.equals("all-staff")) {
        assertThat(readingGrants).as("Bansō's own task grants carry no READ under all-staff").isZero();
      } else {
        assertThat(readingGrants).as("under own-businesses each task's advisor in charge reads it by its own grant")
            .isGreaterThanOrEqualTo(seeded);
      }

      List<Map<String, Object>> bySize = new ArrayList<>();
      int copies = 1;
      for (int size : SIZES) {
        long growing = System.nanoTime();
        copies = grow(jdbc, seeded, copies, size);
        // Due dates spread over a year, as a year of follow-up visits would: the analysis task has none.
        jdbc.update("update act_ru_task set due_date_ = timestamp '2025-04-01' + (abs(hashtext(id_)) % 365)"
            + " * interval '1 day'");
        BenchApps.analyze(app);
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("advisors").includeAssignedTasks()
            .count()).isEqualTo(size);
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("openTasks", size);
        at.put("growSeconds", BenchResults.round((System.nanoTime() - growing) / 1e9, 1));
        at.put("ownTaskGrants", jdbc.queryForObject("select count(*) from act_ru_authorization where "
            + OWN_TASK_GRANTS, Long.class));
        Map<String, Double> admin = latencies(base + GROUP_QUERY, "admin");
        Map<String, Double> advisor = latencies(base + GROUP_QUERY, "sato");
        at.put("bareEngineMs", admin);
        at.put("advisorMs", advisor);
        at.put("p50Ratio", BenchResults.ratio(advisor.get("p50"), admin.get("p50")));
        at.put("p95Ratio", BenchResults.ratio(advisor.get("p95"), admin.get("p95")));
        at.put("myTasksAdvisorMs", latencies(base + MY_QUERY, "sato"));
        at.put("planMs", Map.of("admin", plan(jdbc, base, "admin", size, "admin"),
            "advisor", plan(jdbc, base, "sato", size, "advisor"), "unchecked", uncheckedPlan(jdbc, engine, size)));
        // Before the task list's indexes (ADR 0112): the same page with them dropped, then restored.
        jdbc.execute("DROP INDEX BANSOU_IDX_TASK_DUE, BANSOU_IDX_AUTH_TASK_READ");
        BenchApps.analyze(app);
        Map<String, Double> unindexed = latencies(base + GROUP_QUERY, "sato");
        at.put("advisorWithoutTaskListIndexesMs", unindexed);
        at.put("withoutTaskListIndexesP95Ratio", BenchResults.ratio(unindexed.get("p95"), admin.get("p95")));
        at.put("withoutTaskListIndexesPlanMs", plan(jdbc, base, "sato", size, "advisor-without-task-list-indexes"));
        TaskListIndexes.statements(true).forEach(jdbc::execute);
        BenchApps.analyze(app);

        bySize.add(at);
        System.out.println("[bench] taskList: " + at);
        if (size > ENGINE_GRANTS_UP_TO) {
          at.put("advisorWithEngineGrantsMs", "not run above " + ENGINE_GRANTS_UP_TO + " tasks");
          continue;
        }
        // The engine's own grants: READ on each task's grant of its candidate groups and assignee.
        jdbc.update("update act_ru_authorization set perms_ = perms_ | 2 where " + OWN_TASK_GRANTS);
        BenchApps.analyze(app);
        Map<String, Double> engineGrants = latencies(base + GROUP_QUERY, "sato");
        at.put("advisorWithEngineGrantsMs", engineGrants);
        at.put("engineGrantsP50Ratio", BenchResults.ratio(engineGrants.get("p50"), admin.get("p50")));
        at.put("engineGrantsP95Ratio", BenchResults.ratio(engineGrants.get("p95"), admin.get("p95")));
        at.put("engineGrantsPlanMs", plan(jdbc, base, "sato", size, "advisor-engine-grants"));
        jdbc.update("update act_ru_authorization set perms_ = perms_ & ~2 where " + OWN_TASK_GRANTS);
        BenchApps.analyze(app);
        System.out.println("[bench] taskList with the engine's grants: " + at);
      }
      figures.put("sizes", bySize);
      figures.put("plans", PLANS.toString());
      BenchResults.record("taskList", figures);
    }
  }

  /**
   * Copies the first {@code seeded} tasks with their identity links and own grants until there are {@code size}
   * open tasks; copy {@code n} of a task is its id with {@code .n}. Returns how many copies of each task exist.
   */
  private static int grow(JdbcTemplate jdbc, int seeded, int copies, int size) {
    assertThat(size % seeded).as("each size a multiple of the first").isZero();
    int wanted = size / seeded;
    if (wanted > copies) {
      String series = "generate_series(" + copies + ", " + (wanted - 1) + ") g";
      String originals = "position('.' in %s) = 0";
      copy(jdbc, "act_ru_task", series, Map.of("id_", "id_ || '.' || g"), originals.formatted("id_"));
      copy(jdbc, "act_ru_identitylink", series, Map.of("id_", "id_ || '.' || g", "task_id_",
          "task_id_ || '.' || g"), "task_id_ is not null and " + originals.formatted("task_id_"));
      copy(jdbc, "act_ru_authorization", series, Map.of("id_", "id_ || '.' || g", "resource_id_",
          "resource_id_ || '.' || g"), OWN_TASK_GRANTS + " and " + originals.formatted("resource_id_"));
    }
    return wanted;
  }

  private static void copy(JdbcTemplate jdbc, String table, String series, Map<String, String> changed,
      String where) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
        + " where table_name = ? order by ordinal_position", String.class, table);
    String values = String.join(", ", columns.stream().map(column -> changed.getOrDefault(column, column)).toList());
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
        + ", " + series + " where " + where);
  }

  /** The plan of the task query as the engine sends it for {@code user}; returns its execution time, ms. */
  private static double plan(JdbcTemplate jdbc, String base, String user, int size, String name) throws IOException {
    EngineStatement statement = EngineStatement.caught("TaskEntity.selectTaskByQueryCriteria", () -> {
      try {
        get(base + GROUP_QUERY, user);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return written(jdbc, statement, size + "-" + name);
  }

  /**
   * The plan of the same query through the Java API with nobody logged in, which the engine does not check at
   * all: the database's cost of the list without any authorization (the administrator is checked too, against
   * his one grant on every task).
   */
  private static double uncheckedPlan(JdbcTemplate jdbc, ProcessEngine engine, int size) throws IOException {
    EngineStatement statement = EngineStatement.caught("TaskEntity.selectTaskByQueryCriteria",
        () -> engine.getTaskService().createTaskQuery().taskCandidateGroup("advisors").includeAssignedTasks()
            .orderByDueDate().asc().listPage(0, 15));
    return written(jdbc, statement, size + "-unchecked");
  }

  /** Runs the statement's plan, writes it beside the statement to {@code PLANS/<name>.txt}; its time, ms. */
  private static double written(JdbcTemplate jdbc, EngineStatement statement, String name) throws IOException {
    List<String> plan = statement.plan(jdbc, "300s");
    Files.writeString(PLANS.resolve(name + ".txt"), statement.sql() + "\n\n" + String.join("\n", plan) + "\n");
    return EngineStatement.executionMillis(plan);
  }

  private static HttpResponse<String> get(String uri, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofMinutes(5)).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s as %s: %s", uri, user, response.body()).isEqualTo(200);
    assertThat(response.body()).as("a full first page").contains("\"id\"");
    return response;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Map<String, Double> latencies(String uri, String user) throws Exception {
    List<Double> millis = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < WARM_UP + REQUESTS && System.nanoTime() - started < BUDGET_NANOS; i++) {
      long sent = System.nanoTime();
      get(uri, user);
      millis.add((System.nanoTime() - sent) / 1e6);
    }
    // the warm-up is left out unless the budget ran out before it was over (a figure of seconds a request)
    millis = new ArrayList<>(millis.size() > WARM_UP ? millis.subList(WARM_UP, millis.size()) : millis);
    Collections.sort(millis);
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("p50", BenchResults.round(millis.get(millis.size() / 2), 1));
    result.put("p95", BenchResults.round(millis.get((int) Math.ceil(millis.size() * 0.95) - 1), 1));
    result.put("requests", (double) millis.size());
    return result;
  }
}
