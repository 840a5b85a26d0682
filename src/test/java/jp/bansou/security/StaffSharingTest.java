package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
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

/**
 * One sharing rule between staff (default {@code all-staff}, plan §10⑤): every advisor reads a colleague's
 * case wherever it shows (case file, tasks, variables, history), but a task assigned to someone is worked,
 * reassigned or changed only by its assignee or a manager; an unassigned group task is claimed by its group.
 */
@EngineTest
class StaffSharingTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;

  @Test
  void anAdvisorReadsAColleaguesCaseEverywhereByDefault() {
    String business = TestBusinesses.register(registry, "sato");
    String taskId = startAnalysis("sato", business);
    var ito = http.withBasicAuth("ito", "demo");

    assertThat(ito.exchange("/engine-rest/task?processInstanceBusinessKey=" + business, HttpMethod.GET, null, LIST)
        .getBody()).hasSize(1);
    assertThat(ito.getForEntity("/engine-rest/task/" + taskId + "/variables", String.class).getBody())
        .contains(business);
    assertThat(ito.getForEntity("/engine-rest/task/" + taskId + "/form-variables", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(ito.exchange("/engine-rest/history/process-instance?processInstanceBusinessKey=" + business,
        HttpMethod.GET, null, LIST).getBody()).hasSize(1);
    assertThat(ito.getForEntity("/api/businesses/" + business + "/case-file", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyTheAssigneeOrAManagerWorksReassignsOrChangesAnAssignedTask() {
    String business = TestBusinesses.register(registry, "sato");
    String taskId = startAnalysis("sato", business);
    var ito = http.withBasicAuth("ito", "demo");

    ResponseEntity<String> completion = ito.postForEntity("/engine-rest/task/" + taskId + "/complete",
        json(Map.of("variables", Map.of())), String.class);
    assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completion.getBody()).contains("sato さんが担当しています");
    assertThat(ito.postForEntity("/engine-rest/task/" + taskId + "/assignee", json(Map.of("userId", "ito")),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ito.exchange("/engine-rest/task/" + taskId + "/variables/entryRoute", HttpMethod.PUT,
        json(Map.of("value", "書き換え", "type", "String")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ito.postForEntity("/engine-rest/task/" + taskId + "/unclaim", json(Map.of()), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(taskId).get("assignee")).isEqualTo("sato");

    // the manager hands the task over; from then on it is ito's
    assertThat(http.withBasicAuth("takahashi", "demo").postForEntity("/engine-rest/task/" + taskId + "/assignee",
        json(Map.of("userId", "ito")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ito.exchange("/engine-rest/task/" + taskId + "/variables/entryRoute", HttpMethod.PUT,
        json(Map.of("value", "窓口相談", "type", "String")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(http.withBasicAuth("sato", "demo").postForEntity("/engine-rest/task/" + taskId + "/assignee",
        json(Map.of("userId", "sato")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anUnassignedGroupTaskIsClaimedByItsGroup() {
    String business = TestBusinesses.register(registry, "sato");
    String taskId = startAnalysis("sato", business);
    assertThat(http.withBasicAuth("sato", "demo").postForEntity("/engine-rest/task/" + taskId + "/unclaim",
        json(Map.of()), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(http.withBasicAuth("suzuki", "demo").postForEntity("/engine-rest/task/" + taskId + "/claim",
        json(Map.of("userId", "suzuki")), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(taskId).get("assignee")).isEqualTo("suzuki");
  }

  @Test
  void anAdvisorStartingACaseOnAColleaguesBusinessIsRecordedInItsHistory() {
    String business = TestBusinesses.register(registry, "sato");
    startAnalysis("ito", business);

    List<Map<String, Object>> recorded = http.withBasicAuth("tanaka", "demo").exchange(
        "/engine-rest/history/variable-instance?variableNameIn=startedBy,advisorInCharge&processInstanceIdIn="
            + instanceOf(business),
        HttpMethod.GET, null, LIST).getBody();
    assertThat(recorded).extracting(variable -> variable.get("name") + "=" + variable.get("value"))
        .containsExactlyInAnyOrder("startedBy=ito", "advisorInCharge=sato");
  }

  @Test
  void theAdvisorInChargeStartingACaseRecordsNothingExtra() {
    String business = TestBusinesses.register(registry, "sato");
    startAnalysis("sato", business);

    assertThat(http.withBasicAuth("tanaka", "demo").exchange(
        "/engine-rest/history/variable-instance?variableName=startedBy&processInstanceIdIn=" + instanceOf(business),
        HttpMethod.GET, null, LIST).getBody()).isEmpty();
  }

  private String startAnalysis(String advisor, String business) {
    ResponseEntity<String> started = http.withBasicAuth(advisor, "demo").postForEntity(
        "/engine-rest/process-definition/key/management-analysis/start",
        json(Map.of("businessKey", business, "variables", Map.of("businessId", Map.of("value", business)))),
        String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> tasks = http.withBasicAuth("takahashi", "demo").exchange(
        "/engine-rest/task?processInstanceBusinessKey=" + business, HttpMethod.GET, null, LIST).getBody();
    return (String) tasks.get(0).get("id");
  }

  private String instanceOf(String business) {
    return (String) http.withBasicAuth("takahashi", "demo").exchange(
        "/engine-rest/process-instance?businessKey=" + business, HttpMethod.GET, null, LIST).getBody().get(0).get("id");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> task(String taskId) {
    return http.withBasicAuth("takahashi", "demo").getForObject("/engine-rest/task/" + taskId, Map.class);
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
