package jp.bansou.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Expected refusals as staff and REST callers meet them: 400 (409, 413) with the Japanese message alone, no
 * engine prefix, no internal id, no Java class name, and one WARN line in the log.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalsTest {

  /** A refusal thrown where the expression language wraps it: a service task's ${bean.method(execution)}. */
  static final String PROBE = "refusal-probe";
  static final String PROBE_MESSAGE = "RefusalProbe";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  @BeforeAll
  static void deployTheProbe(@Autowired RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() > 0) {
      return;
    }
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .camundaStartableInTasklist(false)
        .startEvent()
        .userTask("Work").camundaAssignee("admin")
        .serviceTask("Refuse").camundaExpression("${checkDemandSurveyStart.notify(execution)}")
        .endEvent()
        .done();
    BpmnModelInstance byMessage = Bpmn.createExecutableProcess(PROBE + "-message").camundaHistoryTimeToLive(1)
        .camundaStartableInTasklist(false)
        .startEvent().message(PROBE_MESSAGE)
        .serviceTask("Refuse").camundaExpression("${checkDemandSurveyStart.notify(execution)}")
        .endEvent()
        .done();
    repository.createDeployment().name(PROBE)
        .addModelInstance(PROBE + ".bpmn", probe)
        .addModelInstance(PROBE + "-message.bpmn", byMessage)
        .deploy();
  }

  @Test
  void anUnknownBusinessIdAtStartIsRefusedWith400InJapanese() {
    String unknown = "T-" + UUID.randomUUID();

    ResponseEntity<Map> answer = post("sato", "/engine-rest/process-definition/key/management-analysis/start",
        Map.of("variables", Map.of("businessId", Map.of("value", unknown))));

    assertRefused(answer, 400, "事業者ID「" + unknown + "」は事業者台帳にありません。経営カルテで事業者IDを確かめるか、先に事業者台帳へ登録してください");
  }

  @Test
  void theStartFormOfTasklistIsRefusedTheSameWay() {
    String unknown = "T-" + UUID.randomUUID();

    ResponseEntity<Map> answer = post("sato", "/engine-rest/process-definition/key/management-analysis/submit-form",
        Map.of("variables", Map.of("businessId", Map.of("value", unknown))));

    assertRefused(answer, 400, "事業者ID「" + unknown + "」は事業者台帳にありません。経営カルテで事業者IDを確かめるか、先に事業者台帳へ登録してください");
  }

  @Test
  void aDemandSurveyStartedWithoutItsDueDateIsRefusedWithWhatToEnter() {
    String business = TestBusinesses.register(registry, "sato");

    ResponseEntity<Map> answer = post("sato", "/engine-rest/process-definition/key/demand-survey/start",
        Map.of("businessKey", business, "variables", Map.of("advisor", Map.of("value", "sato"),
            "businessName", Map.of("value", "留萌かずの子食品"), "productName", Map.of("value", "数の子"),
            "surveyKind", Map.of("value", "fair"), "surveyOccasion", Map.of("value", "食べマルシェ"))));

    assertRefused(answer, 400, "調査の回答を記録する期限（surveyDueDate）を 2026-12-02 の形で入力してください。");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(business).count()).isZero();
  }

  @Test
  void aRefusalThrownInsideAnExpressionAtTaskCompletionKeepsItsOwnMessage() {
    String task = probeTask();

    ResponseEntity<Map> completed = post("admin", "/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of()));
    ResponseEntity<Map> submitted = post("admin", "/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", Map.of()));

    String expected = "担当経営指導員のユーザーID（advisor）を入力してください。"
        + "調査の回答を記録する期限（surveyDueDate）を 2026-12-02 の形で入力してください。";
    assertRefused(completed, 400, expected);
    assertRefused(submitted, 400, expected);
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("nothing already saved is lost").isOne();
  }

  @Test
  void aRefusalAtAMessageCorrelationKeepsItsOwnMessage() {
    ResponseEntity<Map> answer = post("admin", "/engine-rest/message", Map.of("messageName", PROBE_MESSAGE));

    assertRefused(answer, 400, "担当経営指導員のユーザーID（advisor）を入力してください。"
        + "調査の回答を記録する期限（surveyDueDate）を 2026-12-02 の形で入力してください。");
  }

  @Test
  void anExpectedRefusalLeavesOneWarnLineAndNoStackTrace(CapturedOutput output) {
    String unknown = "T-" + UUID.randomUUID();
    int before = output.getAll().length();

    post("sato", "/engine-rest/process-definition/key/management-analysis/start",
        Map.of("variables", Map.of("businessId", Map.of("value", unknown))));

    String logged = output.getAll().substring(before);
    List<String> lines = logged.lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as(logged).hasSize(1);
    assertThat(lines.get(0)).contains("WARN")
        .contains("Refused POST /engine-rest/process-definition/key/management-analysis/start with 400")
        .contains("事業者ID「" + unknown + "」");
    assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void ofTwentySimultaneousCompletionsOfOneTaskExactlyOneWinsAndTheOthersGet409() throws Exception {
    String task = probeTask();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch ready = new CountDownLatch(20);
    List<Future<ResponseEntity<Map>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> {
          ready.countDown();
          ready.await();
          // the winner goes on to the refusing step; "advisor" and the due date let it pass
          return post("admin", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
              "advisor", Map.of("value", "sato"), "surveyDueDate", Map.of("value", "2026-12-02"))));
        }));
      }
      List<ResponseEntity<Map>> done = new ArrayList<>();
      for (Future<ResponseEntity<Map>> answer : answers) {
        done.add(answer.get());
      }
      assertThat(done).filteredOn(answer -> answer.getStatusCode().value() == 204).hasSize(1);
      assertThat(done).filteredOn(answer -> answer.getStatusCode().value() == 409).hasSize(19)
          .allSatisfy(answer -> assertThat(answer.getBody()).containsEntry("type", "conflict")
              .hasEntrySatisfying("message", message -> assertThat((String) message).contains("ほかの人が")));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTextVariableOverTheDatabasesLimitIsRefusedWith400() {
    String task = probeTask();

    ResponseEntity<Map> answer = post("admin", "/engine-rest/task/" + task + "/variables/note",
        Map.of("value", "あ".repeat(4001), "type", "String"), HttpMethod.PUT);

    assertRefused(answer, 400, Refusal.TOO_LONG_MESSAGE);
    assertThat(post("admin", "/engine-rest/task/" + task + "/variables/note",
        Map.of("value", "あ".repeat(4000), "type", "String"), HttpMethod.PUT).getStatusCode().value())
        .as("4,000 characters fit").isEqualTo(204);
  }

  @Test
  void aDeploymentWithoutABodyIsRefusedWith400() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map> answer = http.withBasicAuth("admin", "demo").exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(null, headers), Map.class);

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
    assertThat(answer.getBody()).containsEntry("type", Refusal.REFUSED);
    assertJapaneseWithoutInternals((String) answer.getBody().get("message"));
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413BeforeItIsRead() throws Exception {
    URI root = URI.create(http.getRootUri());
    try (Socket socket = new Socket(root.getHost(), root.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /engine-rest/process-definition/key/management-analysis/start HTTP/1.1\r\n"
          + "Host: " + root.getHost() + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
          + "Content-Length: " + (64L * 1024 * 1024) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 413");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      Map<?, ?> json = JSON.readValue(body.substring(body.indexOf('{')), Map.class);
      assertThat(json.get("type")).isEqualTo(Refusal.TOO_LARGE);
      assertThat((String) json.get("message")).startsWith("送信されたデータが大きすぎます（上限 20MB）");
    }
  }

  private String probeTask() {
    String instance = runtime.startProcessInstanceByKey(PROBE).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private ResponseEntity<Map> post(String user, String path, Map<String, ?> body) {
    return post(user, path, body, HttpMethod.POST);
  }

  private ResponseEntity<Map> post(String user, String path, Map<String, ?> body, HttpMethod method) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), Map.class);
  }

  static void assertRefused(ResponseEntity<Map> answer, int status, String message) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getBody()).containsEntry("type", Refusal.REFUSED).containsEntry("message", message);
    assertJapaneseWithoutInternals(message);
  }

  static void assertJapaneseWithoutInternals(String message) {
    assertThat(Refusal.isJapanese(message)).as(message).isTrue();
    assertThat(message).doesNotContain("Cannot ").doesNotContain("Exception").doesNotContain("org.camunda")
        .doesNotContain("java.").doesNotContain("${");
  }
}
