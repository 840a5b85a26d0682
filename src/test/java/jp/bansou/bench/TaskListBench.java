package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.business.BusinessRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An advisor's task list through {@code /engine-rest} on PostgreSQL with many open tasks (default 50,000,
 * {@code -Dbench.tasks=N}): the advisors' group's tasks by due date, first page of 15, as the demo advisor
 * with authorization checks; the baseline is the same request as the administrator, whom the engine does
 * not check (the bare engine's query). The engine is named {@code default}: the REST layer serves that one. Latencies of 200 requests after 30 to warm up.
 */
@Tag("bench")
class TaskListBench {

  static final int TASKS = BenchResults.size("tasks", 50_000);
  static final int REQUESTS = 200;
  static final String GROUP_QUERY = "/engine-rest/task?candidateGroup=advisors&includeAssignedTasks=true"
      + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  static final String MY_QUERY = "/engine-rest/task?assignee=sato&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";

  @Test
  void anAdvisorsFirstPageOfTasksAmongManyOpenOnes() throws Exception {
    String url = BenchApps.freshPostgres("bansou_bench_tasks");
    try (ConfigurableApplicationContext app = BenchApps.start("default", BenchApps.database(url),
        Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      long seeding = System.nanoTime();
      // Open analyses, the first task of every case: assigned to one of the two advisors, offered to
      // advisors and assistants, with the engine's authorizations for both.
      BusinessRegistry registry = app.getBean(BusinessRegistry.class);
      Batches.run(engine, TASKS, i -> {
        String advisor = i % 2 == 0 ? "sato" : "ito";
        BenchBusinesses.register(registry, "L-" + i, advisor);
        engine.getRuntimeService().startProcessInstanceByKey("management-analysis", "L-" + i,
            putValue("businessId", "L-" + i).putValue("advisor", advisor).putValue("entryRoute", "marukeiLoan"));
      });
      // Spread due dates over a year, as a year of follow-up visits would: the analysis task has none,
      // and one statement is quicker for 50,000 rows than the engine's task-by-task update.
      new JdbcTemplate(app.getBean(DataSource.class)).update("update act_ru_task set due_date_ = "
          + "timestamp '2025-04-01' + (abs(hashtext(id_)) % 365) * interval '1 day'");
      BenchApps.analyze(app);
      double seedSeconds = (System.nanoTime() - seeding) / 1e9;
      assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("advisors").includeAssignedTasks()
          .count()).isGreaterThanOrEqualTo(TASKS);

      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("openTasks", TASKS);
      figures.put("seedSeconds", BenchResults.round(seedSeconds, 1));
      figures.put("query", GROUP_QUERY);
      Map<String, Double> advisor = latencies(base + GROUP_QUERY, "sato");
      Map<String, Double> admin = latencies(base + GROUP_QUERY, "admin");
      figures.put("advisorMs", advisor);
      figures.put("bareEngineMs", admin);
      figures.put("p50Ratio", BenchResults.ratio(advisor.get("p50"), admin.get("p50")));
      figures.put("p95Ratio", BenchResults.ratio(advisor.get("p95"), admin.get("p95")));
      figures.put("myTasksQuery", MY_QUERY);
      figures.put("myTasksAdvisorMs", latencies(base + MY_QUERY, "sato"));
      BenchResults.record("taskList", figures);
    }
  }

  private static Map<String, Double> latencies(String uri, String user) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .build();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 30 + REQUESTS; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double elapsed = (System.nanoTime() - started) / 1e6;
      assertThat(response.statusCode()).as("%s as %s: %s", uri, user, response.body()).isEqualTo(200);
      assertThat(response.body()).as("a full first page").contains("\"id\"");
      if (i >= 30) {
        millis.add(elapsed);
      }
    }
    Collections.sort(millis);
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("p50", BenchResults.round(millis.get(millis.size() / 2), 1));
    result.put("p95", BenchResults.round(millis.get((int) Math.ceil(millis.size() * 0.95) - 1), 1));
    return result;
  }
}
