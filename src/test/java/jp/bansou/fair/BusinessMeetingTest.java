package jp.bansou.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@EngineTest
class BusinessMeetingTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("business-meeting");

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  BusinessRegistry registry;

  @Autowired
  TestRestTemplate http;

  EngineClock clock;

  @BeforeEach
  void earlySummer() {
    clock = new EngineClock(managementService);
    clock.setTo(LocalDateTime.of(2027, 6, 1, 10, 0));
  }

  static VariableMap meetingSheet() {
    return putValue("representative", "留萌 太郎").putValue("contactPerson", "留萌 花子")
        .putValue("companyAddress", "〒077-0000 北海道留萌市港町1丁目").putValue("companyTel", "0164-42-0000")
        .putValue("companyFax", "0164-42-0001").putValue("companyEmail", "info@kazunoko.example.jp")
        .putValue("productName", "味付け数の子").putValue("bestBefore", "製造日から90日（冷凍）")
        .putValue("origin", "北海道留萌市").putValue("ingredients", "数の子（カナダ産）、醤油、みりん")
        .putValue("content", "200g").putValue("unitsPerCase", "1ケース20個").putValue("productPrice", 1200)
        .putValue("salesTarget", "首都圏の百貨店、贈答用").putValue("useScene", "お正月のおせち")
        .putValue("features", "留萌の老舗の味付け").putValue("photoReferences", "\\\\fileserver\\商談会\\数の子.jpg")
        .putValue("hygiene", "HACCPに沿った衛生管理").putValue("crisisManagement", "PL保険加入、回収手順あり");
  }

  private ProcessInstance startAndApply() {
    ProcessInstance meeting = coverage.track(runtimeService.startProcessInstanceByKey("business-meeting",
        TestBusinesses.register(registry, "ito"), putValue("advisor", "ito")
            .putValue("productName", "味付け数の子")));
    taskService.complete(task(meeting).getId(),
        putValue("fairId", "business-expo").putValue("applicationDate", "2027-06-01"));
    return meeting;
  }

  /** Through the meeting day to the customer list with these business cards. */
  private void meetBuyersAndListLeads(ProcessInstance meeting, String leadsJson) {
    assertThat(meeting).isWaitingAt("PrepareMeetingSheet");
    taskService.complete(task(meeting).getId(), meetingSheet());
    assertThat(meeting).isWaitingAt("MeetingOpens");
    clock.setTo(LocalDateTime.of(2027, 11, 6, 0, 0));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isWaitingAt("IntroduceBuyers", "RunMeetingSurvey");
    surveyTheExhibitorsProduct(meeting);
    taskService.complete(task(meeting).getId(), putValue("buyersIntroduced", 4).putValue("buyerNames", "東京百貨店\n札幌食品卸"));
    clock.setTo(LocalDateTime.of(2027, 11, 9, 10, 0));
    taskService.complete(task(meeting).getId(), putValue("leads", SpinValues.jsonValue(leadsJson).create()));
  }

  /** The exhibitor questionnaire of plan §4②: a demand survey of the business's product, as at a trade fair. */
  private void surveyTheExhibitorsProduct(ProcessInstance meeting) {
    ProcessInstance survey = calledProcessInstance("demand-survey", meeting);
    assertThat(survey).hasBusinessKey(meeting.getBusinessKey()).variables()
        .containsEntry("surveyKind", "fair").containsEntry("productName", "味付け数の子");
    taskService.complete(task(survey).getId(), SurveyAnswers.of(50));
    taskService.complete(task(survey).getId(), putValue("surveyFeedbackDate", "2027-11-10")
        .putValue("brushUpPoints", "バイヤー向けに業務用サイズを検討"));
    assertThat(survey).isEnded();
  }

  private Task leadTask(ProcessInstance meeting, String company) {
    return taskQuery().processInstanceId(meeting.getId()).taskDefinitionKey("FollowUpLead")
        .processVariableValueEquals("businessName", "留萌かずの子食品").list().stream()
        .filter(t -> company.equals(taskService.getVariable(t.getId(), "leadCompany"))).findFirst().orElseThrow();
  }

  private void followUp(ProcessInstance meeting, String company, VariableMap outcome) {
    VariableMap record = putValue("leadContactDate", "2027-11-12").putValue("leadNotes", "サンプルを送付");
    record.putAll(outcome);
    taskService.complete(leadTask(meeting, company).getId(), record);
  }

  @Test
  void leadsAreFollowedUpUntilTheyCloseOrFailAndTwoDealsReachTheTarget() throws Exception {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("business-meeting").latestVersion().singleResult().getId();
    String businessId = TestBusinesses.register(registry, "sato");
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId).putValue("productName", "味付け数の子")));
    ProcessInstance meeting = coverage.track(started[0]);
    String application = task(meeting).getId();
    Acting.as(identityService, "sato", "advisors", () -> {
      assertThat(formService.getTaskFormVariables(application).getValue("fairOptions", Object.class).toString())
          .isEqualTo("[{\"label\":\"北海道 ビジネスEXPO（札幌市 アクセスサッポロ・2027年11月6日〜11月7日）\",\"value\":\"business-expo\"}]");
      taskService.complete(application, putValue("fairId", "business-expo"));
    });
    assertThat(task(meeting)).isAssignedTo("sato");

    meetBuyersAndListLeads(meeting, """
        [{"company":"東京百貨店","contactPerson":"山田","email":"yamada@tokyo-dept.example.jp","interest":"歳暮ギフト"},
         {"company":"札幌食品卸","contactPerson":"佐々木","phone":"011-200-0000"},
         {"company":"大阪スーパー","interest":"常設棚"}]""");
    assertThat(taskQuery().processInstanceId(meeting.getId()).taskDefinitionKey("FollowUpLead").count()).isEqualTo(3);
    assertThat(leadTask(meeting, "東京百貨店")).isAssignedTo("sato");
    assertThat(taskService.getVariables(leadTask(meeting, "東京百貨店").getId()))
        .containsEntry("leadContactPerson", "山田").containsEntry("leadInterest", "歳暮ギフト");

    followUp(meeting, "東京百貨店", putValue("leadStatus", "negotiating").putValue("leadNextStep", "12月に再商談"));
    followUp(meeting, "札幌食品卸", putValue("leadStatus", "deal").putValue("dealDetails", "月200パック"));
    followUp(meeting, "大阪スーパー", putValue("leadStatus", "failed").putValue("leadFailureReason", "価格が合わない"));

    ProcessInstance referral = calledProcessInstance("specialist-referral", meeting);
    assertThat(referral).hasBusinessKey(businessId).variables()
        .containsEntry("referralBody", "北海道よろず支援拠点").containsEntry("advisor", "sato")
        .containsEntry("referralReason", "商談会（北海道 ビジネスEXPO）で名刺交換した 大阪スーパー との商談が成立しませんでした。理由：価格が合わない");
    taskService.complete(task(referral).getId(), putValue("referralDate", "2027-11-20"));
    taskService.complete(task(referral).getId(), putValue("referralOutcomeDate", "2027-12-10")
        .putValue("referralOutcome", "resolved").putValue("referralOutcomeNotes", "原価を見直し価格帯を再設計"));

    followUp(meeting, "東京百貨店", putValue("leadStatus", "deal").putValue("dealDetails", "歳暮ギフト 300箱"));

    assertThat(meeting).isEnded().hasPassed("LeadClosedAsDeal", "LeadFailedAndReferred", "MeetingDealTargetReached")
        .variables().containsEntry("dealCount", 2L).containsEntry("failedLeadCount", 1L)
        .containsEntry("dealTarget", 2).containsEntry("dealTargetReached", true);
  }

  @Test
  void aMeetingWithFewerDealsThanTheTargetIsRecordedAsMissed() {
    ProcessInstance meeting = startAndApply();
    meetBuyersAndListLeads(meeting, "[{\"company\":\"札幌食品卸\"}]");
    followUp(meeting, "札幌食品卸", putValue("leadStatus", "deal").putValue("dealDetails", "月50パック"));

    assertThat(meeting).isEnded().hasPassed("MeetingDealTargetMissed").variables()
        .containsEntry("dealCount", 1L).containsEntry("failedLeadCount", 0L).containsEntry("dealTargetReached", false);
  }

  @Test
  void aMeetingWithoutBusinessCardsEndsWithNoDeals() {
    ProcessInstance meeting = startAndApply();
    meetBuyersAndListLeads(meeting, "[]");

    assertThat(meeting).isEnded().hasPassed("MeetingDealTargetMissed").hasNotPassed("FollowUpLead").variables()
        .containsEntry("dealCount", 0L);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCaseFileSaysWhyALeadFallsDueTheDayAfterLabourThanksgiving() {
    ProcessInstance meeting = startAndApply();
    meetBuyersAndListLeads(meeting, "[{\"company\":\"東京百貨店\"}]");
    String businessId = runtimeService.createProcessInstanceQuery().processInstanceId(meeting.getId())
        .singleResult().getBusinessKey();

    Map<String, Object> file = http.withBasicAuth("ito", "demo")
        .getForObject("/api/businesses/{id}/case-file", Map.class, businessId);

    // fourteen days after 11-09 is 11-23, 勤労感謝の日
    List<Map<String, Object>> current = ((List<Map<String, Object>>) file.get("cases")).stream()
        .flatMap(c -> ((List<Map<String, Object>>) c.get("currentTasks")).stream()).toList();
    assertThat(current).filteredOn(task -> "見込み客をフォローする".equals(task.get("name"))).singleElement()
        .satisfies(task -> assertThat(task).containsEntry("dueMoved", "祝日（勤労感謝の日）のため翌営業日"));
    assertThat(leadTask(meeting, "東京百貨店").getDescription())
        .contains("期限: 2027/11/24（祝日（勤労感謝の日）のため翌営業日）");
    runtimeService.deleteProcessInstance(meeting.getId(), "test over");
  }

  @Test
  void aLeadNotFollowedUpForFourteenDaysRemindsTheAdvisorAndEachFollowUpRestartsTheInterval() {
    ProcessInstance meeting = startAndApply();
    meetBuyersAndListLeads(meeting, "[{\"company\":\"東京百貨店\"}]");
    // fourteen days after 11-09 is 11-23, 勤労感謝の日: the follow-up and its reminder are due the day after
    assertThat(leadTask(meeting, "東京百貨店").getDueDate())
        .isEqualTo(Date.from(LocalDateTime.of(2027, 11, 24, 10, 0).atZone(EngineClock.JAPAN).toInstant()));

    clock.advance(Duration.ofDays(14));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isNotWaitingAt("RemindOfLead");
    clock.advance(Duration.ofDays(1));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isWaitingAt("FollowUpLead", "RemindOfLead");
    Task reminder = task("RemindOfLead", meeting);
    assertThat(reminder).isAssignedTo("ito");
    assertThat(taskService.getVariable(reminder.getId(), "leadCompany")).isEqualTo("東京百貨店");
    taskService.complete(reminder.getId(), putValue("plannedContactDate", "2027-11-25"));

    followUp(meeting, "東京百貨店", putValue("leadStatus", "negotiating").putValue("leadNextStep", "見積を送る"));
    clock.advance(Duration.ofDays(14));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isWaitingAt("FollowUpLead", "RemindOfLead");

    // recording the follow-up closes the reminder still open
    followUp(meeting, "東京百貨店", putValue("leadStatus", "failed").putValue("leadFailureReason", "取扱い基準に合わない"));
    assertThat(meeting).isWaitingAt("ReferFailedLead").isNotWaitingAt("RemindOfLead");
  }

  @Test
  void theLeadReminderIsDueWhenTheFollowUpWasDueSoItSortsAndShowsOverdueLikeTheFollowUp() {
    ProcessInstance meeting = startAndApply();
    meetBuyersAndListLeads(meeting, "[{\"company\":\"東京百貨店\"}]");
    Date followUpDue = leadTask(meeting, "東京百貨店").getDueDate();

    clock.setTo(LocalDateTime.ofInstant(followUpDue.toInstant(), EngineClock.JAPAN).plusMinutes(1));
    clock.executeDueJobs(meeting.getId());

    Task reminder = task("RemindOfLead", meeting);
    assertThat(reminder.getDueDate()).isEqualTo(followUpDue);
    assertThat(taskQuery().processInstanceId(meeting.getId()).dueBefore(Date.from(clock.now().toInstant()))
        .taskDefinitionKey("RemindOfLead").count()).as("overdue from the moment it appears").isEqualTo(1);

    // the next round of follow-up has a new deadline, and its reminder carries that one
    taskService.complete(reminder.getId(), putValue("plannedContactDate", "2027-11-25"));
    followUp(meeting, "東京百貨店", putValue("leadStatus", "negotiating").putValue("leadNextStep", "見積を送る"));
    Date nextDue = leadTask(meeting, "東京百貨店").getDueDate();
    assertThat(nextDue).isAfter(followUpDue);
    clock.setTo(LocalDateTime.ofInstant(nextDue.toInstant(), EngineClock.JAPAN).plusMinutes(1));
    clock.executeDueJobs(meeting.getId());
    assertThat(task("RemindOfLead", meeting).getDueDate()).isEqualTo(nextDue);
  }

  @Test
  void theMeetingSheetStillOpenAtItsDeadlineRemindsTheAdvisor() {
    ProcessInstance meeting = startAndApply();
    // two weeks before the expo's first day (11-06) is Saturday 10-23: the sheet is due on Monday 10-25
    clock.setTo(LocalDateTime.of(2027, 10, 23, 0, 0));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isNotWaitingAt("RemindOfMeetingSheet");
    clock.setTo(LocalDateTime.of(2027, 10, 25, 0, 0));
    clock.executeDueJobs(meeting.getId());
    assertThat(meeting).isWaitingAt("PrepareMeetingSheet", "RemindOfMeetingSheet");
    taskService.complete(task("RemindOfMeetingSheet", meeting).getId(),
        putValue("plannedPreparationDate", "2027-10-27").putValue("preparationReminderNotes", "写真の撮り直し"));

    taskService.complete(task("PrepareMeetingSheet", meeting).getId(), meetingSheet());
    assertThat(meeting).isWaitingAt("MeetingOpens").hasPassed("MeetingSheetReminderHandled", "MeetingSheetReady");
  }

  @Test
  void anIncompleteSheetOrACustomerListWithoutCompaniesIsRefusedWithReasons() {
    ProcessInstance meeting = startAndApply();
    String sheet = task(meeting).getId();
    // a price that is not a price is refused first, by the one number reader
    assertThatThrownBy(() -> taskService.complete(sheet, meetingSheet().putValue("productPrice", -5)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("「価格（税抜・1個）」にマイナスは入力できません。");
    assertThatThrownBy(() -> taskService.complete(sheet, meetingSheet().putValue("companyEmail", "info@")
        .putValue("hygiene", " ").putValue("companyTel", "11-22")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("商談シートの「衛生管理」を入力してください")
        .hasMessageContaining("TEL は 0 から始まる電話番号で入力してください")
        .hasMessageContaining("E-mail の形式が正しくありません");
    assertThat(meeting).isWaitingAt("PrepareMeetingSheet");

    taskService.complete(sheet, meetingSheet());
    clock.setTo(LocalDateTime.of(2027, 11, 6, 0, 0));
    clock.executeDueJobs(meeting.getId());
    taskService.complete(task(meeting).getId(), putValue("buyersIntroduced", 1));
    String customerList = task(meeting).getId();
    assertThatThrownBy(() -> taskService.complete(customerList, putValue("leads",
        SpinValues.jsonValue("[{\"company\":\"東京百貨店\",\"email\":\"yamada\"},{\"contactPerson\":\"佐々木\"}]").create())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("1行目：メールアドレスの形式が正しくありません")
        .hasMessageContaining("2行目：会社名を入力してください");
    assertThatThrownBy(() -> taskService.complete(customerList, putValue("leads", "東京百貨店")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("顧客リスト（名刺1枚につき1行）を入力してください");
    assertThat(meeting).isWaitingAt("RecordCustomerList");

    taskService.complete(customerList, putValue("leads", SpinValues.jsonValue("[{\"company\":\"東京百貨店\"}]").create()));
    String lead = task(meeting).getId();
    assertThatThrownBy(
        () -> taskService.complete(lead, putValue("leadContactDate", "2027-11-12").putValue("leadStatus", "failed")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不成立の理由を入力してください");
    assertThat(List.of(task(meeting).getTaskDefinitionKey())).containsExactly("FollowUpLead");
  }
}
