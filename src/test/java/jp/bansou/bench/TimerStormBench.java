package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Due follow-up timers ({@code VisitFallsDue}) fired by the job executor on one node, then on two nodes
 * sharing one PostgreSQL database: node one in this JVM, node two from the packaged jar in a JVM of its
 * own. The timers are created suspended and all activated at once; each run has a fresh database.
 * {@code -Dbench.timers=N} (default 10,000: N/4 cases of four visits, one day apart, all in the past and
 * none of their reminders yet).
 */
@Tag("bench")
class TimerStormBench {

  static final int TIMERS = BenchResults.size("timers", 10_000);
  static final String TIMER = "VisitFallsDue";

  /**
   * Job executor settings of both nodes, {@code -Dbench.jobExecutor=key=value,…} (keys under
   * {@code camunda.bpm.job-execution.}); the default is the recommendation in docs/performance.md. A bounded
   * idle wait lets a node that found nothing for a while (both do while the timers are created suspended) join
   * within seconds rather than the engine's 60.
   */
  static final Map<String, String> JOB_EXECUTOR = settings(System.getProperty("bench.jobExecutor",
      "max-jobs-per-acquisition=10,max-wait=5000"));

  static Map<String, String> settings(String list) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String setting : list.split(",")) {
      if (!setting.isBlank()) {
        String[] keyValue = setting.split("=", 2);
        settings.put("camunda.bpm.job-execution." + keyValue[0].strip(), keyValue[1].strip());
      }
    }
    return settings;
  }

  @Test
  void dueVisitTimersFireOnOneNodeAndOnTwo() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("timers", TIMERS);
    figures.put("jobExecutor", JOB_EXECUTOR);
    Map<String, Object> one = storm(false);
    Map<String, Object> two = storm(true);
    figures.put("oneNode", one);
    figures.put("twoNodes", two);
    figures.put("twoNodeRatio",
        BenchResults.ratio((double) two.get("jobsPerSecond"), (double) one.get("jobsPerSecond")));
    figures.put("duplicates", (long) one.get("duplicates") + (long) two.get("duplicates"));
    BenchResults.record("timerStorm", figures);
    assertThat((long) figures.get("duplicates")).as("visits created twice").isZero();
  }

  private Map<String, Object> storm(boolean twoNodes) throws Exception {
    String url = BenchApps.freshPostgres("bansou_bench_storm");
    Map<String, String> properties = new LinkedHashMap<>(JOB_EXECUTOR);
    properties.put("camunda.bpm.generic-properties.properties.hostname", "node-1");
    try (ConfigurableApplicationContext app = BenchApps.start("benchStorm", BenchApps.database(url), properties)) {
      JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
          .getProcessEngineConfiguration()).getJobExecutor();
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ManagementService management = engine.getManagementService();
      management.suspendJobDefinitionByProcessDefinitionKey("follow-up-visits", true);
      createDueVisits(engine);
      BenchApps.analyze(app);
      assertThat(management.createJobQuery().activityId(TIMER).count()).isEqualTo(TIMERS);

      Process second = twoNodes ? startSecondNode(url, JOB_EXECUTOR) : null;
      try {
        long started = System.nanoTime();
        management.activateJobDefinitionByProcessDefinitionKey("follow-up-visits", true);
        jobExecutor.jobWasAdded();
        long deadline = started + Duration.ofMinutes(10).toNanos();
        while (management.createJobQuery().activityId(TIMER).count() > 0) {
          assertThat(System.nanoTime()).as("the storm is over within 10 minutes").isLessThan(deadline);
          Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return result(engine, seconds);
      } finally {
        if (second != null) {
          second.destroy();
          second.onExit().get();
        }
      }
    }
  }

  private static void createDueVisits(ProcessEngine engine) {
    // Four visits a day apart, the last one due yesterday: all due now, their reminders (three weeks
    // after) not yet, so the storm is the visit timers alone.
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().minus(Duration.ofDays(5))));
    try {
      Batches.run(engine, TIMERS / 4, i -> engine.getRuntimeService().startProcessInstanceByKey("follow-up-visits",
          "S-" + i, putValue("advisor", i % 2 == 0 ? "sato" : "ito").putValue("businessId", "S-" + i)
              .putValue("businessName", "留萌の事業者 " + i).putValue("industry", "製造業").putValue("employees", 4L)
              .putValue("followUpTrack", "plan").putValue("visitInterval", "P1D").putValue("visitCount", 4)
              .putValue("previousYearSales", 48000L)));
    } finally {
      ClockUtil.reset();
    }
  }

  private static Map<String, Object> result(ProcessEngine engine, double seconds) {
    var history = engine.getHistoryService();
    long fired = history.createHistoricActivityInstanceQuery().activityId(TIMER).finished().count();
    long visits = history.createHistoricActivityInstanceQuery().activityId("RecordVisit").count();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seconds", BenchResults.round(seconds, 2));
    result.put("jobsPerSecond", BenchResults.round(TIMERS / seconds, 1));
    result.put("fired", fired);
    result.put("visitTasks", visits);
    result.put("duplicates", Math.max(0, fired - TIMERS) + Math.max(0, visits - TIMERS));
    result.put("failedAttempts", engine.getHistoryService().createHistoricJobLogQuery().failureLog().count());
    Map<String, Long> perNode = new LinkedHashMap<>();
    for (String node : List.of("node-1", "node-2")) {
      long done = history.createHistoricJobLogQuery().successLog().hostname(node).activityIdIn(TIMER).count();
      if (done > 0) {
        perNode.put(node, done);
      }
    }
    result.put("firedPerNode", perNode);
    return result;
  }

  private static Process startSecondNode(String url, Map<String, String> properties) throws Exception {
    Path log = BenchResults.DIR.resolve("storm-node-2.log");
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", StartupBench.packagedJar().toString(), "--server.port=" + port));
    command.addAll(BenchApps.database(url));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    command.add("--camunda.bpm.generic-properties.properties.hostname=node-2");
    command.add("--bansou.demo.year.enabled=false");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      assertThat(process.isAlive()).as("node 2 runs (see %s)", log).isTrue();
      assertThat(System.nanoTime()).as("node 2 ready within 3 minutes").isLessThan(deadline);
      try {
        if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return process;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
  }
}
