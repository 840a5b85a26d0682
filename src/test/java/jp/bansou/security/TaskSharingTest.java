package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.BansouApplication;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A business's tasks are read through every door exactly as its case file is: with {@code all-staff} every
 * advisor and assistant lists, reads and claims a colleague's group task; with {@code own-businesses} only the
 * advisor in charge does, and no other advisor or assistant finds the task in a list, a Tasklist filter, its
 * variables, form variables, form or history. Managers and auditors read everything in both settings. Each
 * setting is an application of its own (read at start), so this runs apart from the shared test context.
 */
@Tag("h2")
class TaskSharingTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @ParameterizedTest
  @ValueSource(strings = {"own-businesses", "all-staff"})
  void aColleaguesGroupTaskIsReadThroughEveryDoorExactlyWhereItsCaseFileIs(String setting) {
    try (Running app = new Running(setting, "./target/test-data/task-sharing-" + UUID.randomUUID())) {
      String business = app.register("sato");
      String taskId = app.startAnalysis("sato", business);
      boolean shared = setting.equals("all-staff");

      // assigned to sato, then back to the group: both shapes of a colleague's task
      for (boolean assigned : new boolean[]{true, false}) {
        if (!assigned) {
          assertThat(app.as("sato").postForEntity(app.url("/engine-rest/task/" + taskId + "/unclaim"), json("{}"),
              String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        for (String reader : List.of("sato", "takahashi", "tanaka", "ito", "suzuki")) {
          boolean mayRead = shared || List.of("sato", "takahashi", "tanaka").contains(reader);
          app.assertReads(reader, business, taskId, mayRead, setting + (assigned ? ", assigned: " : ", group: "));
        }
      }

      // an unassigned group task: its group claims it when shared; only the advisor in charge when not
      assertThat(app.as("ito").postForEntity(app.url("/engine-rest/task/" + taskId + "/claim"),
          json("{\"userId\":\"ito\"}"), String.class).getStatusCode())
          .isEqualTo(shared ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
      if (!shared) {
        assertThat(app.as("sato").postForEntity(app.url("/engine-rest/task/" + taskId + "/claim"),
            json("{\"userId\":\"sato\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      }
    }
  }

  @Test
  void withOwnBusinessesTheOpenTasksFollowANewAdvisorInChargeFromTheRegistryImport() {
    try (Running app = new Running("own-businesses", "./target/test-data/task-sharing-" + UUID.randomUUID())) {
      String business = app.register("sato");
      String taskId = app.startAnalysis("sato", business);
      app.as("sato").postForEntity(app.url("/engine-rest/task/" + taskId + "/unclaim"), json("{}"), String.class);
      app.assertReads("ito", business, taskId, false, "before the import: ");

      String csv = "事業者ID,事業者名,法人・個人,業種,従業員数,会員,担当経営指導員\r\n"
          + business + ",留萌共有テスト商会,法人,製造業,3,会員,ito\r\n";
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
      var imported = app.as("takahashi").postForEntity(app.url("/api/businesses/import"),
          new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
      assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);

      app.assertReads("ito", business, taskId, true, "after the import: ");
      app.assertReads("sato", business, taskId, false, "after the import: ");
    }
  }

  @Test
  void openTasksFollowTheSettingWhenTheChamberChangesIt() {
    String dataDir = "./target/test-data/task-sharing-" + UUID.randomUUID();
    String business;
    String taskId;
    try (Running app = new Running("all-staff", dataDir)) {
      business = app.register("sato");
      taskId = app.startAnalysis("sato", business);
      app.as("sato").postForEntity(app.url("/engine-rest/task/" + taskId + "/unclaim"), json("{}"), String.class);
      app.assertReads("ito", business, taskId, true, "all-staff: ");
    }
    try (Running app = new Running("own-businesses", dataDir)) {
      app.assertReads("ito", business, taskId, false, "own-businesses after all-staff: ");
      app.assertReads("sato", business, taskId, true, "own-businesses after all-staff: ");
    }
    try (Running app = new Running("all-staff", dataDir)) {
      app.assertReads("ito", business, taskId, true, "all-staff again: ");
      assertThat(app.as("suzuki").postForEntity(app.url("/engine-rest/task/" + taskId + "/claim"),
          json("{\"userId\":\"suzuki\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
  }

  /**
   * Under all-staff the roles give every member of staff READ on every task, so a task's own grants give its
   * candidates and assignee only the right to work it: the advisors' task list then joins a handful of role
   * grants instead of one grant per task and candidate (docs/performance.md "Task list"). A database whose open
   * tasks still carry the engine's READ on each grant is mended once at start.
   */
  @Test
  void underAllStaffATasksOwnGrantsLetItsCandidatesWorkItWhileReadingComesFromTheRoles() {
    String dataDir = "./target/test-data/task-sharing-" + UUID.randomUUID();
    String business;
    String taskId;
    try (Running app = new Running("all-staff", dataDir)) {
      business = app.register("sato");
      taskId = app.startAnalysis("sato", business);
      assertThat(app.ownGrants(taskId)).as("the new task's own grants").isNotEmpty()
          .allSatisfy(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isFalse())
          .anySatisfy(grant -> assertThat(grant.getGroupId()).isEqualTo("assistants"))
          .allSatisfy(grant -> assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isTrue());
      app.as("sato").postForEntity(app.url("/engine-rest/task/" + taskId + "/unclaim"), json("{}"), String.class);
      app.assertReads("ito", business, taskId, true, "all-staff: ");
      app.assertReads("suzuki", business, taskId, true, "all-staff: ");
      // as a database written before this shape: READ on each grant, the setting recorded as the engine's
      AuthorizationService authorizations = app.context.getBean(AuthorizationService.class);
      for (Authorization grant : app.ownGrants(taskId)) {
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
      app.context.getBean(ManagementService.class).setProperty("bansou.sharing.read", "ALL_STAFF");
    }
    try (Running app = new Running("all-staff", dataDir)) {
      assertThat(app.ownGrants(taskId)).as("the old task's own grants after the start").isNotEmpty()
          .allSatisfy(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isFalse());
      app.assertReads("ito", business, taskId, true, "after the mend: ");
      assertThat(app.as("suzuki").postForEntity(app.url("/engine-rest/task/" + taskId + "/claim"),
          json("{\"userId\":\"suzuki\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      // an auditor reads it by his role
      app.assertReads("tanaka", business, taskId, true, "after the mend: ");
    }
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** Bansō with one sharing setting on its own H2 file, with the demo staff (password {@code demo}). */
  private static final class Running implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final TestRestTemplate http = new TestRestTemplate();
    private final String base;

    Running(String setting, String dataDir) {
      context = new SpringApplicationBuilder(BansouApplication.class).run("--server.port=0",
          "--bansou.sharing.read=" + setting, "--bansou.data-dir=" + dataDir,
          "--camunda.bpm.job-execution.enabled=false",
          "--bansou.demo.year.enabled=false");
      base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    List<Authorization> ownGrants(String taskId) {
      return context.getBean(AuthorizationService.class).createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(taskId).list();
    }

    TestRestTemplate as(String user) {
      return http.withBasicAuth(user, "demo");
    }

    String url(String path) {
      return base + path;
    }

    String register(String advisor) {
      String id = "T-TS-" + UUID.randomUUID().toString().substring(0, 8);
      context.getBean(BusinessRegistry.class).save(new Business(id, "留萌共有テスト商会", null, LegalForm.CORPORATION,
          "小売業", 3, null, null, null, null, null, true, advisor));
      return id;
    }

    /** Starts an analysis as the advisor (its first task is his, with advisors and assistants as candidates). */
    String startAnalysis(String advisor, String business) {
      var started = as(advisor).postForEntity(url("/engine-rest/process-definition/key/management-analysis/start"),
          json("{\"businessKey\":\"" + business + "\"}"), String.class);
      assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
      return (String) tasksOf("takahashi", business).get(0).get("id");
    }

    List<Map<String, Object>> tasksOf(String reader, String business) {
      return as(reader).exchange(url("/engine-rest/task?processInstanceBusinessKey=" + business), HttpMethod.GET,
          null, LIST).getBody();
    }

    /** Every door that shows the task or its business to a member of staff agrees on whether he may read it. */
    void assertReads(String reader, String business, String taskId, boolean mayRead, String context) {
      String as = context + reader;
      HttpStatus readable = mayRead ? HttpStatus.OK : HttpStatus.FORBIDDEN;
      TestRestTemplate staff = as(reader);
      assertThat(tasksOf(reader, business)).as(as + " task list").hasSize(mayRead ? 1 : 0);
      assertThat(staff.getForObject(url("/engine-rest/task/count?processInstanceBusinessKey=" + business), Map.class))
          .as(as + " task count").containsEntry("count", mayRead ? 1 : 0);
      assertThat(staff.postForObject(url("/engine-rest/task"),
          json("{\"processInstanceBusinessKey\":\"" + business + "\"}"), List.class))
          .as(as + " task query (POST)").hasSize(mayRead ? 1 : 0);
      assertThat(staff.getForEntity(url("/engine-rest/task/" + taskId), String.class).getStatusCode())
          .as(as + " task").isEqualTo(mayRead ? HttpStatus.OK : HttpStatus.NOT_FOUND);
      for (String door : List.of("/comment", "/attachment")) {
        // comments and attachments are history: the REST API finds the task through the history query first
        if (!mayRead) {
          assertThat(staff.getForEntity(url("/engine-rest/task/" + taskId + door), String.class).getStatusCode())
              .as(as + " " + door).isEqualTo(HttpStatus.NOT_FOUND);
        }
      }
      for (String door : List.of("/variables", "/form-variables", "/form", "/identity-links")) {
        var answer = staff.getForEntity(url("/engine-rest/task/" + taskId + door), String.class);
        assertThat(answer.getStatusCode()).as(as + " " + door).isEqualTo(readable);
        if (mayRead && door.equals("/variables")) {
          assertThat(answer.getBody()).as(as + " " + door).contains(business);
        }
      }
      // Tasklist lists tasks through the filters the reader may use
      for (Map<String, Object> filter : staff.exchange(url("/engine-rest/filter?resourceType=Task"), HttpMethod.GET,
          null, LIST).getBody()) {
        List<Map<String, Object>> listed = staff.exchange(url("/engine-rest/filter/" + filter.get("id") + "/list"),
            HttpMethod.GET, null, LIST).getBody();
        if (!mayRead) {
          assertThat(listed).as(as + " filter " + filter.get("name"))
              .noneMatch(task -> taskId.equals(task.get("id")));
        }
      }
      assertThat(staff.getForEntity(url("/api/businesses/" + business + "/case-file"), String.class).getStatusCode())
          .as(as + " case file").isEqualTo(readable);
      String caseId = (String) as("takahashi").exchange(url("/engine-rest/process-instance?businessKey=" + business),
          HttpMethod.GET, null, LIST).getBody().get(0).get("id");
      assertThat(staff.getForEntity(url("/api/history/cases/" + caseId), String.class).getStatusCode())
          .as(as + " history view").isEqualTo(readable);
      if (!mayRead) {
        // the case's own variables: advisors read them only with all-staff (READ on every instance)
        assertThat(staff.getForEntity(url("/engine-rest/process-instance/" + caseId + "/variables"), String.class)
            .getStatusCode()).as(as + " case variables").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staff.exchange(url("/engine-rest/variable-instance?processInstanceIdIn=" + caseId),
            HttpMethod.GET, null, LIST).getBody()).as(as + " variable instances").isEmpty();
        // the engine's own history answers advisors only with all-staff (READ_HISTORY); it never shows more
        assertThat(staff.exchange(url("/engine-rest/history/task?processInstanceBusinessKey=" + business),
            HttpMethod.GET, null, LIST).getBody()).as(as + " task history").isEmpty();
      }
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
