package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.IdentityService;
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

/** What each role of SPEC's role table may do, seen from outside: through /engine-rest and the web apps' login. */
@EngineTest
class RoleAccessTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identities;
  @Autowired
  BusinessRegistry registry;

  @Test
  void anonymousCallersAreRefusedByTheRestApi() {
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsRefused() {
    // A user of its own: the engine delays the next login of a user after a failed one.
    String user = "probe" + UUID.randomUUID().toString().substring(0, 8);
    var probe = identities.newUser(user);
    probe.setPassword("right");
    identities.saveUser(probe);
    identities.createMembership(user, StaffGroup.ADVISORS.id());

    assertThat(http.withBasicAuth(user, "wrong").getForEntity("/engine-rest/process-definition", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anAdvisorReadsTheProcessDefinitions() {
    ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth("sato", "demo")
        .exchange("/engine-rest/process-definition", HttpMethod.GET, null, LIST);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).extracting(definition -> definition.get("key")).contains("management-analysis");
  }

  @Test
  void aManagerSeesTheCasesOfEveryAdvisor() {
    String businessOfSato = startAnalysisAs("sato");
    String businessOfIto = startAnalysisAs("ito");

    for (String business : List.of(businessOfSato, businessOfIto)) {
      assertThat(http.withBasicAuth("takahashi", "demo")
          .exchange("/engine-rest/process-instance?businessKey=" + business, HttpMethod.GET, null, LIST)
          .getBody()).hasSize(1);
    }
  }

  @Test
  void anAuditorReadsHistoryButCannotCompleteATask() {
    String business = startAnalysisAs("sato");
    var auditor = http.withBasicAuth("tanaka", "demo");

    ResponseEntity<List<Map<String, Object>>> history = auditor.exchange(
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + business, HttpMethod.GET, null, LIST);
    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(history.getBody()).hasSize(1);

    ResponseEntity<List<Map<String, Object>>> tasks = auditor.exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + business, HttpMethod.GET, null, LIST);
    assertThat(tasks.getBody()).as("the auditor sees the open task").hasSize(1);
    String taskId = (String) tasks.getBody().get(0).get("id");

    ResponseEntity<String> completion = auditor.postForEntity(
        "/engine-rest/task/" + taskId + "/complete", json(Map.of("variables", Map.of())), String.class);
    assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completion.getBody()).contains("AuthorizationException");

    ResponseEntity<String> variableChange = auditor.exchange(
        "/engine-rest/task/" + taskId + "/variables/tampered", HttpMethod.PUT,
        json(Map.of("value", "yes", "type", "String")), String.class);
    assertThat(variableChange.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void eachRoleReachesOnlyItsWebApps() {
    assertThat(webAppLogin("sato", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webAppLogin("sato", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("sato", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("suzuki", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webAppLogin("suzuki", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("takahashi", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webAppLogin("takahashi", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(webAppLogin("takahashi", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("tanaka", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(webAppLogin("tanaka", "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("tanaka", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webAppLogin("admin", "admin")).isEqualTo(HttpStatus.OK);
  }

  private String startAnalysisAs(String advisor) {
    String business = TestBusinesses.register(registry, advisor);
    ResponseEntity<String> started = http.withBasicAuth(advisor, "demo").postForEntity(
        "/engine-rest/process-definition/key/management-analysis/start",
        json(Map.of("businessKey", business, "variables", Map.of(
            "businessId", Map.of("value", business)))),
        String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    return business;
  }

  private HttpStatus webAppLogin(String user, String app) {
    return HttpStatus.valueOf(WebAppSession.postLogin(http, user, app).getStatusCode().value());
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
