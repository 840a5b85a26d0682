package jp.bansou.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.util.List;
import java.util.Map;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FreshFiscalYear;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page of the year's trainings and staff meetings (/trainings/): managers see and correct every record,
 * auditors read every record and correct none, advisors and assistants see and correct their own.
 */
@EngineTest
@SuppressWarnings({"rawtypes", "unchecked"})
class StaffRecordsApiTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;

  private Map year(String user, FiscalYear year) {
    ResponseEntity<Map> response = http.withBasicAuth(user, "demo").getForEntity("/api/staff-records/{year}",
        Map.class, year.label());
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static List<Map> trainings(Map year) {
    return (List<Map>) year.get("trainings");
  }

  private static List<Map> meetings(Map year) {
    return (List<Map>) year.get("meetings");
  }

  private static Object field(Map record, String name) {
    return ((List<Map>) record.get("fields")).stream().filter(f -> name.equals(f.get("name"))).findFirst()
        .orElseThrow().get("text");
  }

  @Test
  void managersSeeAndCorrectAllAuditorsReadAllAndStaffSeeAndCorrectTheirOwn() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    EngineClock clock = new EngineClock(management);
    clock.setTo(year.firstDay().plusMonths(2).atTime(10, 0));
    ProcessInstance suzukis = ExternalTrainingTest.recordTraining(repository, identity, forms, "suzuki",
        "assistants", ExternalTrainingTest.accompanyingSupportSeminar(year.lastDay().minusMonths(11).toString()));
    ProcessInstance itos = ExternalTrainingTest.recordTraining(repository, identity, forms, "ito", "advisors",
        ExternalTrainingTest.accompanyingSupportSeminar(year.firstDay().plusMonths(1).toString()));
    ProcessInstance meeting = runtime.createProcessInstanceByKey("staff-meeting")
        .startBeforeActivity("RecordStaffMeeting").execute();
    tasks.complete(tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId(),
        putValue("meetingDate", year.firstDay().plusDays(20).toString()).putValue("meetingAttendees", "sato, suzuki")
            .putValue("meetingNotes", "伴走支援の進め方を共有"));

    Map managers = year("takahashi", year);
    assertThat(trainings(managers)).extracting(t -> t.get("id"), t -> t.get("correctable"))
        .as("newest first").containsExactly(org.assertj.core.groups.Tuple.tuple(itos.getId(), true),
            org.assertj.core.groups.Tuple.tuple(suzukis.getId(), true));
    assertThat(trainings(managers).get(1).get("heading").toString()).contains("鈴木 美咲", "経営力再構築伴走支援研修会");
    assertThat(field(trainings(managers).get(1), "organiser")).isEqualTo("北海道商工会議所連合会");
    assertThat(field(trainings(managers).get(1), "transferDate")).as("not held yet").isEqualTo("（なし）");
    assertThat(meetings(managers)).singleElement().satisfies(m -> {
      assertThat(m.get("correctable")).isEqualTo(true);
      // who attended, by name as staff know each other (the correction form keeps their user ids)
      assertThat(field(m, "meetingAttendees")).isEqualTo("佐藤 一郎、鈴木 美咲");
    });

    Map auditors = year("tanaka", year);
    assertThat(trainings(auditors)).hasSize(2).allSatisfy(t -> assertThat(t.get("correctable")).isEqualTo(false));
    assertThat(meetings(auditors)).singleElement().satisfies(m -> assertThat(m.get("correctable")).isEqualTo(false));
    assertThat(http.withBasicAuth("tanaka", "demo").postForEntity("/api/records/{id}/corrections",
        Map.of("trainingTitle", "変更", "correctionReason", "監査"), Map.class, suzukis.getId()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    Map suzuki = year("suzuki", year);
    assertThat(trainings(suzuki)).extracting(t -> t.get("id")).as("her own training only")
        .containsExactly(suzukis.getId());
    assertThat(trainings(suzuki).get(0).get("correctable")).isEqualTo(true);
    assertThat(meetings(suzuki)).as("she attended the meeting").hasSize(1);
    Map ito = year("ito", year);
    assertThat(trainings(ito)).extracting(t -> t.get("id")).containsExactly(itos.getId());
    assertThat(meetings(ito)).as("he did not attend").isEmpty();

    // a manager moves suzuki's training into the next year: the page lists it there, with the correction
    clock.setTo(year.next().firstDay().plusDays(10).atTime(10, 0));
    assertThat(http.withBasicAuth("takahashi", "demo").postForEntity("/api/records/{id}/corrections",
        Map.of("trainingDate", year.next().firstDay().toString(), "correctionReason", "年度の入力誤り"), Map.class,
        suzukis.getId()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(trainings(year("takahashi", year))).extracting(t -> t.get("id")).containsExactly(itos.getId());
    Map moved = trainings(year("takahashi", year.next())).get(0);
    assertThat(moved.get("id")).isEqualTo(suzukis.getId());
    assertThat(field(moved, "trainingDate")).isEqualTo(year.next().firstDay().toString().replace('-', '/'));
    assertThat((List<String>) moved.get("corrections")).singleElement().asString()
        .contains("高橋 誠が訂正: 研修の日付", "（理由: 年度の入力誤り）");
    assertThat(http.withBasicAuth("tanaka", "demo").getForEntity("/api/staff-records/{year}", Map.class, "来年")
        .getBody().get("message").toString()).contains("R8 や 2026");
  }
}
