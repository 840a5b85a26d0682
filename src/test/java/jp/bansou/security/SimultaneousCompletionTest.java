package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Twenty completions of one task sent at the same moment: exactly one wins, the task is completed once. */
@EngineTest
class SimultaneousCompletionTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  @Test
  void exactlyOneOfTwentySimultaneousCompletionsWins() throws Exception {
    // a task of its own, so that no form rule of a model decides the outcome
    String taskId = "simultaneous" + UUID.randomUUID().toString().replace("-", "");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/task/create",
        new HttpEntity<>(Map.of("id", taskId, "name", "巡回訪問を記録する", "assignee", "admin"), headers), String.class)
        .getStatusCode().value()).isEqualTo(204);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
              new HttpEntity<>(Map.of("variables", Map.of()), headers), String.class).getStatusCode().value();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
      assertThat(statuses).filteredOn(status -> status >= 200 && status < 300).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
  }
}
