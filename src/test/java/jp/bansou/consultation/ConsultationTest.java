package jp.bansou.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@EngineTest
class ConsultationTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("consultation");

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
  BusinessRegistry registry;
  @Autowired
  ContactRecords records;
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

  /** Records a contact as {@code user} would in Tasklist's start form. */
  private ProcessInstance record(String user, String group, VariableMap contact) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("consultation")
        .latestVersion().singleResult().getId();
    identity.setAuthentication(user, List.of(group));
    try {
      return coverage.track(forms.submitStartForm(definition, contact));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static VariableMap counterContact(String businessId, String date) {
    return putValue("businessId", businessId).putValue("contactDate", date).putValue("channel", "counter")
        .putValue("topicFinance", true).putValue("topicSubsidy", true)
        .putValue("heard", "マル経資金で冷凍設備を更新したい。持続化補助金も検討中。");
  }

  @Test
  void anAssistantsCounterContactAppearsInTheBusinessTimelineNewestFirst() {
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance older = record("sato", "advisors",
        counterContact(business, "2026-11-20").putValue("channel", "visit")
            .putValue("accompanyingStaff", "suzuki"));
    ProcessInstance newer = record("suzuki", "assistants", counterContact(business, "2026-12-01"));

    assertThat(older).isEnded().hasPassed("ContactClosed").hasNotPassed("StartFollowingTrack");
    assertThat(newer).isEnded();
    List<Contact> timeline = records.timeline(business);
    assertThat(timeline).extracting(Contact::id).containsExactly(newer.getId(), older.getId());
    Contact counter = timeline.get(0);
    assertThat(counter.channelLabel()).isEqualTo("窓口");
    assertThat(counter.contactStaff()).isEqualTo("suzuki");
    assertThat(counter.contactStaffName()).isEqualTo("鈴木 美咲");
    assertThat(counter.topics()).isEqualTo("金融・マル経、補助金・助成金");
    assertThat(counter.businessName()).isEqualTo("留萌かずの子食品");
    assertThat(counter.nextActionState()).isEqualTo("none");
    assertThat(timeline.get(1).accompanyingStaffName()).as("OJT: the assistant went along on the advisor's visit")
        .isEqualTo("鈴木 美咲");
  }

  @Test
  void aNextActionIsATaskForItsStaffMemberDueTwoWeeksLaterThatRemindsAWeekAfterItsDueDate() {
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance contact = record("suzuki", "assistants", counterContact(business, "2026-12-02")
        .putValue("nextAction", "日本政策金融公庫の申込書を一緒に確認する"));

    assertThat(contact).isWaitingAt("CarryOutNextAction");
    Task next = task(contact);
    assertThat(next).isAssignedTo("suzuki");
    assertThat(next.getDueDate()).isEqualTo(java.util.Date.from(LocalDateTime.of(2026, 12, 16, 17, 0)
        .atZone(EngineClock.JAPAN).toInstant()));
    assertThat(records.timeline(business).get(0).nextActionState()).isEqualTo("open");

    clock.setTo(LocalDateTime.of(2026, 12, 23, 16, 59));
    clock.executeDueJobs(contact.getId());
    assertThat(contact).isWaitingAt("CarryOutNextAction").isNotWaitingAt("PlanLateNextAction");
    clock.advance(Duration.ofMinutes(1));
    clock.executeDueJobs(contact.getId());
    assertThat(contact).isWaitingAt("CarryOutNextAction", "PlanLateNextAction");
    Task reminder = tasks.createTaskQuery().processInstanceId(contact.getId()).taskDefinitionKey("PlanLateNextAction")
        .singleResult();
    assertThat(reminder).isAssignedTo("suzuki");
    tasks.complete(reminder.getId(),
        putValue("plannedNextActionDate", "2026-12-25").putValue("nextActionDelayReason", "年末繁忙"));

    assertThatThrownBy(() -> tasks.complete(next.getId(), putValue("nextActionResult", "確認した")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("実施日を入力してください");
    tasks.complete(next.getId(), putValue("nextActionDoneDate", "2026-12-23").putValue("nextActionResult", "申込書を確認した"));
    assertThat(contact).isEnded().hasPassed("LateNextActionPlanned", "NextActionDone", "NextActionClosed");
    Contact done = records.timeline(business).get(0);
    assertThat(done.nextActionState()).isEqualTo("done");
    assertThat(done.nextActionDue()).isEqualTo("2026-12-16");
    assertThat(done.nextActionResult()).isEqualTo("申込書を確認した");
  }

  @Test
  void recordingTheNextActionInTimeClosesItWithoutAReminder() {
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance contact = record("sato", "advisors", counterContact(business, "2026-12-02")
        .putValue("nextAction", "試算表を受け取る").putValue("nextActionDue", "2026-12-09"));
    Task next = task(contact);
    assertThat(next.getDueDate()).isEqualTo(java.util.Date.from(LocalDateTime.of(2026, 12, 9, 17, 0)
        .atZone(EngineClock.JAPAN).toInstant()));
    clock.setTo(LocalDateTime.of(2026, 12, 8, 11, 0));
    tasks.complete(next.getId(), putValue("nextActionDoneDate", "2026-12-08").putValue("nextActionResult", "受け取った"));
    assertThat(contact).isEnded().hasNotPassed("PlanLateNextAction");
    assertThat(management.createJobQuery().processInstanceId(contact.getId()).count())
        .as("the reminder's timer is gone").isZero();
  }

  @Test
  void aContactThatLeadsToAnAnalysisStartsItForTheSameBusinessWithItsAdvisor() {
    String business = TestBusinesses.register(registry, "ito");
    ProcessInstance contact = record("suzuki", "assistants", counterContact(business, "2026-12-02")
        .putValue("followingTrack", "management-analysis"));

    assertThat(contact).isEnded().hasPassed("StartFollowingTrack");
    ProcessInstance analysis = runtime.createProcessInstanceQuery().processDefinitionKey("management-analysis")
        .processInstanceBusinessKey(business).singleResult();
    assertThat(analysis).isNotNull().isWaitingAt("EnterFinancialFigures");
    assertThat(task(analysis)).isAssignedTo("ito");
    assertThat(analysis).variables().containsEntry("entryRoute", "counter")
        .containsEntry("fromContact", contact.getId())
        .containsEntry("businessName", "留萌かずの子食品");
    assertThat(records.timeline(business).get(0).followingTrackName()).isEqualTo("経営分析");
    runtime.deleteProcessInstance(analysis.getId(), "test over");
  }

  @Test
  void aContactForABusinessTheRegistryDoesNotKnowIsRefusedInJapanese() {
    assertThatThrownBy(() -> record("suzuki", "assistants", counterContact("NO-SUCH-BUSINESS", "2026-12-02")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("事業者ID「NO-SUCH-BUSINESS」は事業者台帳にありません");
  }

  @Test
  void aContactWithoutDateTopicOrWhatWasHeardIsRefusedWithEveryReasonAndNothingIsRecorded() {
    String business = TestBusinesses.register(registry, "sato");
    assertThatThrownBy(() -> record("suzuki", "assistants", putValue("businessId", business).putValue("channel", "fax")
        .putValue("nextActionDue", "2026-12-20")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("相談・訪問の日付を入力してください")
        .hasMessageContaining("相談の方法を 巡回・窓口・電話・オンライン・メール から選んでください")
        .hasMessageContaining("相談の分野を1つ以上選んでください")
        .hasMessageContaining("聞き取った内容を入力してください")
        .hasMessageContaining("期限を入れたときは次のアクションの内容も入力してください");
    assertThatThrownBy(() -> record("suzuki", "assistants", counterContact(business, "2026-12-03")))
        .hasMessageContaining("未来の日付は入力できません");
    assertThat(records.timeline(business)).isEmpty();
  }

  @Test
  void staffRecordTheirOwnContactsAndOnlyAManagerRecordsForSomeoneElse() {
    String business = TestBusinesses.register(registry, "sato");
    assertThatThrownBy(
        () -> record("suzuki", "assistants", counterContact(business, "2026-12-02").putValue("contactStaff", "sato")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("ほかの職員の相談は記録できません");
    record("takahashi", "managers", counterContact(business, "2026-12-02").putValue("contactStaff", "sato"));
    assertThat(records.timeline(business)).extracting(Contact::contactStaff, Contact::recordedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sato", "takahashi"));
  }

  @Test
  void theYearsTallyCountsEachStaffMembersContactsByChannelAsJsonAndCsv() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    clock.setTo(year.lastDay().plusDays(1).atTime(9, 0));
    String business = TestBusinesses.register(registry, "sato");
    String last = year.lastDay().toString();
    record("sato", "advisors", counterContact(business, last).putValue("channel", "visit"));
    record("sato", "advisors", counterContact(business, last).putValue("channel", "visit"));
    record("sato", "advisors", counterContact(business, last).putValue("channel", "phone"));
    record("suzuki", "assistants", counterContact(business, year.firstDay().toString()));
    record("suzuki", "assistants", counterContact(business, year.lastDay().plusDays(1).toString()));

    ContactTally tally = records.tally(year);
    assertThat(tally.rows()).extracting(ContactTally.Row::staff).containsExactly("sato", "suzuki");
    assertThat(tally.rows().get(0).counts()).containsEntry("visit", 2L).containsEntry("phone", 1L)
        .containsEntry("counter", 0L);
    assertThat(tally.rows().get(1).counts()).as("April 1 of the next year counts there").containsEntry("counter", 1L);
    assertThat(tally.totals()).containsEntry("visit", 2L).containsEntry("counter", 1L).containsEntry("phone", 1L);
    assertThat(tally.total()).isEqualTo(4);
    assertThat(records.tally(year.next()).total()).isEqualTo(1);

    ResponseEntity<Map> json = http.withBasicAuth("takahashi", "demo").getForEntity("/api/contacts/tally/{y}",
        Map.class, year.label());
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.getBody()).containsEntry("total", 4);
    ResponseEntity<byte[]> csv = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/contacts/tally/{y}.csv", byte[].class, year.startYear());
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"年度\",\"職員ID\",\"職員名\",\"巡回\",\"窓口\",\"電話\",\"オンライン\",\"メール\",\"合計\"\r\n");
    assertThat(text)
        .contains("\"" + year.displayName() + "\",\"sato\",\"佐藤 一郎\",\"2\",\"0\",\"1\",\"0\",\"0\",\"3\"\r\n")
        .endsWith("\"合計\",\"2\",\"1\",\"1\",\"0\",\"0\",\"4\"\r\n");
    assertThat(http.withBasicAuth("suzuki", "demo").getForEntity("/api/contacts/tally/{y}", Map.class, year.label())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCaseFilesFormRecordsAContactAndRefusesBadInputInJapanese() {
    String business = TestBusinesses.register(registry, "sato");
    Map<String, Object> contact = Map.of("contactDate", "2026-12-02", "channel", "counter", "topicTax", true,
        "heard", "青色申告の相談", "recordedBy", "takahashi");
    ResponseEntity<Map> recorded = http.withBasicAuth("sato", "demo")
        .postForEntity("/api/businesses/{id}/contacts", contact, Map.class, business);
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(records.timeline(business)).singleElement()
        .satisfies(c -> assertThat(c.recordedBy()).as("who recorded it is the signed-in user").isEqualTo("sato"));

    ResponseEntity<Map> unknown = http.withBasicAuth("sato", "demo")
        .postForEntity("/api/businesses/{id}/contacts", contact, Map.class, "NO-SUCH-BUSINESS");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("message").toString()).contains("事業者台帳にありません");
    ResponseEntity<Map> undated = http.withBasicAuth("sato", "demo")
        .postForEntity("/api/businesses/{id}/contacts", Map.of("channel", "counter", "heard", "相談"), Map.class,
            business);
    assertThat(undated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(undated.getBody().get("message").toString()).contains("相談・訪問の日付を入力してください")
        .doesNotContain("Exception");
    ResponseEntity<Map> auditor = http.withBasicAuth("tanaka", "demo")
        .postForEntity("/api/businesses/{id}/contacts", contact, Map.class, business);
    assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(records.timeline(business)).hasSize(1);

    ResponseEntity<List> timeline = http.withBasicAuth("takahashi", "demo")
        .getForEntity("/api/businesses/{id}/contacts", List.class, business);
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timeline.getBody()).hasSize(1);
  }
}
