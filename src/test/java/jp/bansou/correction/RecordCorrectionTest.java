package jp.bansou.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.FreshFiscalYear;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plan §10 records stay as they were recorded; a manager's correction is recorded beside them with who, when,
 * why and old → new, and every reader (timeline, tally, staff meetings, history) shows the corrected record.
 */
@EngineTest
@SuppressWarnings({"rawtypes", "unchecked"})
class RecordCorrectionTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("record-correction");

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  FormService forms;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;

  EngineClock clock;

  @BeforeEach
  void aMorningAtTheChamber() {
    clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2026, 12, 2, 10, 0));
  }

  private ProcessInstance start(String process, String user, String group, VariableMap record) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
        .singleResult().getId();
    identity.setAuthentication(user, List.of(group));
    try {
      return forms.submitStartForm(definition, record);
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance counterContact(String user, String group, String business, String date) {
    return start("consultation", user, group, putValue("businessId", business).putValue("contactDate", date)
        .putValue("channel", "counter").putValue("topicFinance", true).putValue("heard", "マル経資金の相談"));
  }

  private ResponseEntity<Map> correct(String user, String caseId, Map<String, Object> correction) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/records/{id}/corrections", correction, Map.class,
        caseId);
  }

  @Test
  void aManagerCorrectsAContactsChannelAndDateAndTheTimelineTallyAndHistoryShowTheCorrectedRecord() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    clock.setTo(year.lastDay().plusDays(1).atTime(9, 0));
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance contact = counterContact("suzuki", "assistants", business, year.lastDay().toString());

    clock.setTo(year.lastDay().plusDays(1).atTime(15, 30));
    ResponseEntity<Map> corrected = correct("takahashi", contact.getId(), Map.of("channel", "phone",
        "contactDate", year.lastDay().minusDays(1).toString(), "correctionReason", "電話での相談を窓口と記録していた"));
    assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.CREATED);

    List<Map> timeline = http.withBasicAuth("sato", "demo").getForObject("/api/businesses/{id}/contacts", List.class,
        business);
    assertThat(timeline).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("channelLabel", "電話").containsEntry("contactDate",
          year.lastDay().minusDays(1).toString());
      assertThat((List<String>) c.get("corrections")).singleElement().asString().contains("高橋 誠が訂正")
          .contains("相談の方法 窓口 → 電話").contains("理由: 電話での相談を窓口と記録していた");
    });
    Map tally = http.withBasicAuth("takahashi", "demo").getForObject("/api/contacts/tally/{y}", Map.class,
        year.label());
    assertThat((List<Map>) tally.get("rows")).singleElement().satisfies(row -> assertThat((Map) row.get("counts"))
        .containsEntry("phone", 1).containsEntry("counter", 0));

    Map trail = http.withBasicAuth("tanaka", "demo").getForObject("/api/history/cases/{id}", Map.class,
        contact.getId());
    List<Map> changes = ((List<Map>) trail.get("variableChanges")).stream()
        .filter(change -> "記録の訂正（理由: 電話での相談を窓口と記録していた）".equals(change.get("task"))).toList();
    assertThat(changes).anySatisfy(change -> assertThat(change).containsEntry("label", "相談の方法")
        .containsEntry("oldValue", "窓口").containsEntry("newValue", "電話").containsEntry("byName", "高橋 誠"));
    assertThat(changes).anySatisfy(change -> assertThat(change).containsEntry("variable", "contactDate")
        .containsEntry("label", "相談・訪問の日付")
        .containsEntry("oldValue", year.lastDay().toString().replace('-', '/'))
        .containsEntry("newValue", year.lastDay().minusDays(1).toString().replace('-', '/')));
  }

  @Test
  void aCorrectedDateMovesTheContactIntoTheFiscalYearItBelongsTo() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    clock.setTo(year.next().firstDay().plusDays(3).atTime(9, 0));
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance contact = counterContact("sato", "advisors", business, year.next().firstDay().toString());

    assertThat(correct("sato", contact.getId(), Map.of("contactDate", year.lastDay().toString(),
        "correctionReason", "3月31日の相談だった")).getStatusCode()).as("staff correct their own record")
        .isEqualTo(HttpStatus.CREATED);

    Map tally = http.withBasicAuth("takahashi", "demo").getForObject("/api/contacts/tally/{y}", Map.class,
        year.label());
    assertThat(tally).containsEntry("total", 1);
  }

  @Test
  void anAdvisorMayNotCorrectAColleaguesRecordNorAnAuditorAnyAndBadCorrectionsAreRefusedInJapanese() {
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance contact = counterContact("suzuki", "assistants", business, "2026-12-01");

    ResponseEntity<Map> colleague = correct("sato", contact.getId(), Map.of("channel", "visit",
        "correctionReason", "訪問だった"));
    assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(colleague.getBody().get("message").toString())
        .isEqualTo("ほかの職員の記録は訂正できません。訂正は管理者に依頼してください。");
    ResponseEntity<Map> auditor = correct("tanaka", contact.getId(), Map.of("channel", "visit",
        "correctionReason", "訪問だった"));
    assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.getBody().get("message").toString()).contains("記録を訂正できるのは管理者と")
        .doesNotContain("Exception");

    ResponseEntity<Map> future = correct("takahashi", contact.getId(), Map.of("contactDate", "2026-12-24"));
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody().get("message").toString()).contains("未来の日付は入力できません")
        .contains("訂正の理由を入力してください").doesNotContain("Exception");
    ResponseEntity<Map> same = correct("takahashi", contact.getId(), Map.of("channel", "counter",
        "correctionReason", "確認"));
    assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(same.getBody().get("message").toString()).contains("訂正する項目がありません");
    ResponseEntity<Map> notARecord = correct("takahashi", "no-such-case", Map.of("channel", "visit",
        "correctionReason", "確認"));
    assertThat(notARecord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    List<Map> timeline = http.withBasicAuth("sato", "demo").getForObject("/api/businesses/{id}/contacts", List.class,
        business);
    assertThat(timeline).singleElement().satisfies(c -> assertThat(c).containsEntry("channel", "counter")
        .containsEntry("corrections", List.of()));
  }

  @Test
  void theTimelineOffersACorrectionOnlyToManagersAndTheContactsOwnStaffNotToAuditorsOrColleagues() {
    String business = TestBusinesses.register(registry, "sato");
    counterContact("suzuki", "assistants", business, "2026-12-01");

    for (Map.Entry<String, Boolean> reader : Map.of("takahashi", true, "suzuki", true, "sato", false, "tanaka",
        false).entrySet()) {
      List<Map> timeline = http.withBasicAuth(reader.getKey(), "demo").getForObject("/api/businesses/{id}/contacts",
          List.class, business);
      assertThat(timeline).as(reader.getKey()).singleElement()
          .satisfies(c -> assertThat(c).containsEntry("correctable", reader.getValue()));
    }
  }

  @Test
  void aManagerCorrectsTheBusinessesAStaffMeetingDiscussedAndATrainingsTitle() {
    String fishery = TestBusinesses.register(registry, "sato");
    String bakery = TestBusinesses.register(registry, "ito");
    ProcessInstance meeting = runtime.createProcessInstanceByKey("staff-meeting")
        .startBeforeActivity("RecordStaffMeeting").execute();
    tasks.complete(tasks.createTaskQuery().processInstanceId(meeting.getId()).singleResult().getId(),
        putValue("meetingDate", "2026-12-01").putValue("meetingAttendees", "sato, suzuki")
            .putValue("discussedBusinesses", fishery).putValue("meetingNotes", "年末の資金繰り"));

    assertThat(correct("takahashi", meeting.getId(), Map.of("discussedBusinesses", bakery + "、" + fishery,
        "correctionReason", "パン店も話し合った")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    List<Map> meetings = http.withBasicAuth("ito", "demo").getForObject("/api/businesses/{id}/staff-meetings",
        List.class, bakery);
    assertThat(meetings).singleElement().satisfies(m -> assertThat((List<String>) m.get("corrections"))
        .singleElement().asString().contains("話し合った事業者"));
    assertThat(correct("ito", meeting.getId(), Map.of("meetingNotes", "変更", "correctionReason", "追記"))
        .getStatusCode()).as("ito did not attend").isEqualTo(HttpStatus.FORBIDDEN);

    ProcessInstance training = start("external-training", "suzuki", "assistants", putValue("trainingDate",
        "2026-11-20").putValue("organiser", "hokkaido").putValue("trainingTitle", "伴走支援研修")
        .putValue("trainingCategory", "accompanying"));
    // through the engine's API, as the engine's REST API would: the same check applies
    identity.setAuthentication("takahashi", List.of("managers"));
    ProcessInstance correction;
    try {
      correction = coverage.track(runtime.startProcessInstanceByKey("record-correction",
          putValue(RecordCorrections.CORRECTED_CASE, training.getId())
              .putValue("trainingTitle", "経営力再構築伴走支援研修会").putValue("correctionReason", "正式名称")));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(correction.getId()).singleResult()
        .getStartUserId()).isEqualTo("takahashi");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(correction.getId())
        .variableName(RecordCorrections.FIELDS).singleResult().getValue()).isEqualTo("trainingTitle");
    assertThat(correct("takahashi", training.getId(), Map.of("organiser", "nobody", "correctionReason", "誤り"))
        .getBody().get("message").toString()).contains("主催を一覧から選んでください");
    runtime.deleteProcessInstance(training.getId(), "test over");
  }
}
