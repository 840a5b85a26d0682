package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Auditors change nothing, anywhere: every write is refused with 403, every read still answers. */
@EngineTest
class AuditorsReadOnlyTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;

  @Test
  void anAuditorCannotCommentOrAttachToATask() {
    String taskId = openTask();
    var auditor = http.withBasicAuth("tanaka", "demo");

    ResponseEntity<String> comment = auditor.postForEntity("/engine-rest/task/" + taskId + "/comment/create",
        json(Map.of("message", "監査のコメント")), String.class);
    assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(comment.getBody()).contains("閲覧だけ");

    var attachment = new LinkedMultiValueMap<String, Object>();
    attachment.add("attachment-name", "監査メモ");
    attachment.add("url", "http://127.0.0.1/memo");
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(auditor.postForEntity("/engine-rest/task/" + taskId + "/attachment/create",
        new HttpEntity<>(attachment, multipart), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(tasks.getTaskComments(taskId)).isEmpty();
    assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
  }

  @Test
  void anAuditorCannotTouchTheHistoryCleanupJob() {
    Job cleanup = history.findHistoryCleanupJobs().isEmpty() ? history.cleanUpHistoryAsync(false)
        : history.findHistoryCleanupJobs().get(0);
    var auditor = http.withBasicAuth("tanaka", "demo");
    String job = "/engine-rest/job/" + cleanup.getId();

    assertThat(auditor.exchange(job + "/suspended", HttpMethod.PUT, json(Map.of("suspended", true)), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.postForEntity(job + "/execute", json(Map.of()), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.exchange(job + "/duedate", HttpMethod.PUT,
        json(Map.of("duedate", "2030-01-01T00:00:00.000+0900")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.exchange(job + "/retries", HttpMethod.PUT, json(Map.of("retries", 0)), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Job after = management.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after.isSuspended()).isEqualTo(cleanup.isSuspended());
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
  }

  @Test
  void anAuditorStillQueriesWithPost() {
    String business = TestBusinesses.register(registry, "sato");
    startAnalysis(business);
    var auditor = http.withBasicAuth("tanaka", "demo");

    ResponseEntity<List<Map<String, Object>>> instances = auditor.exchange("/engine-rest/history/process-instance",
        HttpMethod.POST, json(Map.of("processInstanceBusinessKey", business)), LIST);
    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances.getBody()).hasSize(1);
    assertThat(auditor.exchange("/engine-rest/task/count", HttpMethod.POST,
        json(Map.of("processInstanceBusinessKey", business)), String.class).getBody()).contains("\"count\":1");
  }

  @Test
  void aWriteThroughTheWebAppsEngineApiIsRefusedToo() {
    String taskId = openTask();
    WebAppSession auditor = WebAppSession.logIn(http, "tanaka", "cockpit");

    ResponseEntity<String> comment = http.postForEntity(
        "/camunda/api/engine/engine/default/task/" + taskId + "/comment/create",
        auditor.entity(Map.of("message", "監査のコメント")), String.class);
    assertThat(comment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.getTaskComments(taskId)).isEmpty();
  }

  private String openTask() {
    String business = TestBusinesses.register(registry, "sato");
    startAnalysis(business);
    return tasks.createTaskQuery().processInstanceBusinessKey(business).singleResult().getId();
  }

  private void startAnalysis(String business) {
    ResponseEntity<String> started = http.withBasicAuth("sato", "demo").postForEntity(
        "/engine-rest/process-definition/key/management-analysis/start",
        json(Map.of("businessKey", business, "variables", Map.of("businessId", Map.of("value", business)))),
        String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
