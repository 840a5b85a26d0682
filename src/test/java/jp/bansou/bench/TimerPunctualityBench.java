package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How late a due timer fires on a node that has been idle, and what the waiting costs an idle database: the
 * engine's default idle wait ({@code max-wait} 60 s) as the baseline, against Bansō's {@code application.yaml}.
 * Each setting gets a fresh PostgreSQL database and one node: it idles until its job acquisition has backed
 * off to the longest wait, its transactions are counted for {@code -Dbench.idleSeconds} (default 120), then
 * timers fall due at spread-out moments while the node is idle and each one's lateness is read from history.
 *
 * <p>Not a visit's timer: a bare one-timer model, so that nothing but the job executor's wait is measured.
 */
@Tag("bench")
class TimerPunctualityBench {

  static final int TIMERS = BenchResults.size("punctualTimers", 6);
  static final int IDLE_SECONDS = BenchResults.size("idleSeconds", 120);
  static final String DATABASE = "bansou_bench_timers";

  @Test
  void aDueTimerFiresWithinSecondsOnAnIdleNode() throws Exception {
    Map<String, Object> baseline = measure(Map.of("camunda.bpm.job-execution.max-wait", "60000"));
    Map<String, Object> bansou = measure(Map.of());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("engineDefaultMaxWait60s", baseline);
    figures.put("bansou", bansou);
    figures.put("worstLatenessRatio", BenchResults.ratio(((Number) bansou.get("worstLatenessMs")).doubleValue(),
        ((Number) baseline.get("worstLatenessMs")).doubleValue()));
    figures.put("idleTransactionsPerMinuteAdded", BenchResults.round(
        (double) bansou.get("idleTransactionsPerMinute") - (double) baseline.get("idleTransactionsPerMinute"), 1));
    BenchResults.record("timerPunctuality", figures);
    assertThat(((Number) bansou.get("worstLatenessMs")).longValue()).as("worst lateness of a due timer, ms")
        .isLessThan(10_000);
  }

  private Map<String, Object> measure(Map<String, String> properties) throws Exception {
    String url = BenchApps.freshPostgres(DATABASE);
    Map<String, Object> figures = new LinkedHashMap<>(properties);
    try (ConfigurableApplicationContext app = BenchApps.start("benchTimers", BenchApps.database(url), properties)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      engine.getRepositoryService().createDeployment().name("timer-punctuality")
          .addModelInstance("timer-punctuality.bpmn", oneTimer()).deploy();
      // the acquisition doubles its wait while it finds nothing (5 s, 10 s, 20 s, … up to max-wait)
      Thread.sleep(75_000);
      long before = transactions();
      Thread.sleep(IDLE_SECONDS * 1000L);
      long after = transactions();
      // read from the database "postgres": the readings are not counted in the node's database
      figures.put("idleTransactionsPerMinute", BenchResults.round((after - before) * 60.0 / IDLE_SECONDS, 1));

      // due moments spread over about two longest waits, so that they meet the waiting node in every phase
      Instant first = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
      List<Instant> dues = new ArrayList<>();
      for (int i = 0; i < TIMERS; i++) {
        Instant due = first.plusMillis(i * 23_300L);
        dues.add(due);
        engine.getRuntimeService().startProcessInstanceByKey("timerPunctuality", "due-" + i,
            Map.of("fireAt", OffsetDateTime.ofInstant(due, ZoneId.of("Asia/Tokyo")).toString()));
      }
      List<Long> lateness = lateness(engine.getHistoryService(), dues,
          dues.get(dues.size() - 1).plus(Duration.ofMinutes(3)));
      figures.put("latenessMs", lateness);
      figures.put("worstLatenessMs", lateness.stream().mapToLong(Long::longValue).max().orElseThrow());
      figures.put("meanLatenessMs",
          Math.round(lateness.stream().mapToLong(Long::longValue).average().orElseThrow()));
    }
    return figures;
  }

  private static List<Long> lateness(HistoryService history, List<Instant> dues, Instant deadline)
      throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      List<HistoricActivityInstance> fired = history.createHistoricActivityInstanceQuery().activityId("Due")
          .finished().list();
      if (fired.size() == dues.size()) {
        List<Long> lateness = new ArrayList<>();
        for (HistoricActivityInstance timer : fired) {
          int index = Integer.parseInt(history.createHistoricProcessInstanceQuery()
              .processInstanceId(timer.getProcessInstanceId()).singleResult().getBusinessKey().substring(4));
          lateness.add(Duration.between(dues.get(index), timer.getEndTime().toInstant()).toMillis());
        }
        return lateness;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not every timer fired within three minutes of its due time");
  }

  /** Committed and rolled-back transactions in the benchmark's database so far, by every connection. */
  private static long transactions() throws SQLException, InterruptedException {
    // PostgreSQL publishes a backend's counts within a second of its transaction
    Thread.sleep(1_500);
    try (Connection connection = DriverManager.getConnection(BenchApps.postgresUrl("postgres"), BenchApps.PG_USER, "");
        PreparedStatement query = connection.prepareStatement(
            "select xact_commit + xact_rollback from pg_stat_database where datname = ?")) {
      query.setString(1, DATABASE);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static BpmnModelInstance oneTimer() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("timerPunctuality").camundaHistoryTimeToLive(1).startEvent()
        .intermediateCatchEvent("Due").timerWithDate("${fireAt}").endEvent().done();
    Bpmn.validateModel(model);
    return model;
  }
}
