package jp.bansou.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.bansou.input.FigureRefusal;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

@EngineTest
class FollowUpVisitsTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("follow-up-visits");

  private static final LocalDateTime PLAN_DONE = LocalDateTime.of(2025, 4, 1, 9, 0);

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  FollowUpSchedules schedules;
  @Autowired
  TestRestTemplate http;

  @Test
  void aPlanFollowUpGetsExactlyOneVisitAQuarterForFourQuartersThenRecordsThatTheTargetWasMet() throws Exception {
    Case followUp = new Case(this, "sato", putValue("previousYearSales", 10_000L));

    followUp.at(PLAN_DONE.plusMonths(3).minusMinutes(1));
    assertThat(followUp.visits()).isEmpty();

    for (int quarter = 1; quarter <= 4; quarter++) {
      followUp.at(PLAN_DONE.plusMonths(3L * quarter));
      assertThat(followUp.visits()).as("visit tasks in quarter %d", quarter).hasSize(1);
      Task visit = followUp.visits().get(0);
      assertThat(visit.getAssignee()).isEqualTo("sato");
      assertThat(visit.getDueDate()).isEqualTo(japan(PLAN_DONE.plusMonths(3L * quarter).plusDays(14)));
      assertThat(taskService.createTaskQuery().taskId(visit.getId()).taskCandidateGroup("assistants")
          .includeAssignedTasks().count()).as("assistants share the visit").isOne();
      assertThat(followUp.variable(visit, "visitNumber")).isEqualTo((long) quarter);
      // an assistant may record the advisor's visit once the advisor hands it over (an assigned task is the
      // assignee's); Tasklist applies the same authorization
      long salesToDate = 2_600L * quarter;
      Acting.as(identityService, visit.getAssignee(), "advisors",
          () -> taskService.setAssignee(visit.getId(), "suzuki"));
      Acting.as(identityService, "suzuki", "assistants",
          () -> taskService.complete(visit.getId(), visitRecord("onTrack", salesToDate)));
      followUp.at(PLAN_DONE.plusMonths(3L * quarter).plusDays(40));
      assertThat(followUp.visits()).as("no second visit task in quarter %d", quarter).isEmpty();
    }

    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
    assertThat(followUp.historicValues("progress")).hasSize(4).containsOnly("onTrack");
    followUp.complete("RecordAnnualSales", putValue("annualSales", 10_300L).putValue("previousYearSales", 10_000L));

    assertThat(followUp.instance).isEnded().hasPassed("SalesGrowthTargetMet");
    assertThat(followUp.historicValues("salesGrowthTargetMet")).containsExactly(true);
    assertThat(followUp.historicValues("salesGrowth")).containsExactly(0.03);
    assertThat(followUp.historicValues("salesGrowthTarget")).containsExactly(0.03);
    assertThat(followUp.historicValues("annualSales")).containsExactly(10_300L);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(followUp.instance.getId())
        .taskDefinitionKey("RecordVisit").finished().count()).isEqualTo(4);
  }

  @Test
  void aBusinessBelowThePlusThreePercentTargetIsRecordedAsNotMet() {
    Case followUp = new Case(this, "ito", putValue("visitCount", 1));

    followUp.at(PLAN_DONE.plusMonths(3));
    followUp.complete("RecordVisit", visitRecord("smallDeviation", 2_400L));
    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
    assertThat(followUp.task("RecordAnnualSales").getAssignee()).isEqualTo("ito");
    followUp.complete("RecordAnnualSales", putValue("annualSales", 10_299L).putValue("previousYearSales", 10_000L));

    assertThat(followUp.instance).isEnded().hasPassed("SalesGrowthTargetMissed");
    assertThat(followUp.historicValues("salesGrowthTargetMet")).containsExactly(false);
    assertThat(followUp.historicValues("salesGrowth")).containsExactly(0.0299);
  }

  @Test
  void aLargeDeviationLeadsToPlanRevisionAndAReferralWithItsOutcomeAndTheVisitsGoOn() {
    Case followUp = new Case(this, "sato", putValue("visitCount", 3));

    followUp.at(PLAN_DONE.plusMonths(3));
    followUp.complete("RecordVisit", visitRecord("largeDeviation", 900L));
    Task revision = followUp.task("RevisePlan");
    assertThat(revision.getAssignee()).isEqualTo("sato");
    assertThat(followUp.variable(revision, "referralBody")).as("suggested for a plan's follow-up")
        .isEqualTo("北海道よろず支援拠点");
    followUp.complete("RevisePlan", putValue("deviationCause", "主要取引先の廃業で受注が減った")
        .putValue("planRevision", "新規取引先の開拓を計画に加え、売上目標を1年後ろ倒しにする")
        .putValue("referToSpecialist", true)
        .putValue("referralReason", "販路開拓と資金繰りに専門家の助言が必要"));

    ProcessInstance referral = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(followUp.instance.getId()).singleResult();
    assertThat(referral).isWaitingAt("RecordReferral");
    assertThat(referral.getBusinessKey()).isEqualTo(followUp.businessKey);
    assertThat(runtimeService.getVariable(referral.getId(), "referralBody")).isEqualTo("北海道よろず支援拠点");
    taskService.complete(taskOf(referral).getId(),
        putValue("referralBody", "北海道よろず支援拠点").putValue("referralDate", "2025-07-10"));
    taskService.complete(taskOf(referral).getId(), putValue("referralOutcomeDate", "2025-08-20")
        .putValue("referralOutcome", "resolved")
        .putValue("referralOutcomeNotes", "よろず支援拠点の助言で新規取引先2社と商談開始"));

    assertThat(followUp.instance).hasPassed("RevisePlan", "ReferToSpecialist", "VisitDoneAfterReferral");
    assertThat(followUp.historicValues("referralOutcome")).containsExactly("resolved");
    assertThat(followUp.historicValues("referralBody")).contains("北海道よろず支援拠点");

    // the visits go on; a later large deviation may be handled without a specialist
    followUp.at(PLAN_DONE.plusMonths(6));
    assertThat(followUp.visits()).hasSize(1);
    followUp.complete("RecordVisit", visitRecord("largeDeviation", 2_000L));
    followUp.complete("RevisePlan", putValue("deviationCause", "冬季の天候不順")
        .putValue("planRevision", "冬季限定商品の投入時期を早める")
        .putValue("referToSpecialist", false));
    assertThat(followUp.instance).hasPassed("PlanRevised");

    followUp.at(PLAN_DONE.plusMonths(9));
    followUp.complete("RecordVisit", visitRecord("onTrack", 7_500L));
    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
    assertThat(followUp.historicValues("progress")).containsExactlyInAnyOrder("largeDeviation", "largeDeviation",
        "onTrack");
  }

  @Test
  void anOverdueVisitRemindsTheAdvisorAfterSevenDaysThenEscalatesToManagersAfterTwentyOneAndStaysOpen() {
    Case followUp = new Case(this, "sato", putValue("visitCount", 1));
    LocalDateTime due = PLAN_DONE.plusMonths(3).plusDays(14);

    followUp.at(due.plusDays(7).minusMinutes(1));
    assertThat(followUp.instance).isWaitingAt("RecordVisit").isNotWaitingAt("PlanLateVisit");

    followUp.at(due.plusDays(7));
    assertThat(followUp.instance).isWaitingAt("RecordVisit", "PlanLateVisit").hasPassed("ReminderInTasklistOnly");
    assertThat(followUp.task("PlanLateVisit").getAssignee()).isEqualTo("sato");
    followUp.complete("PlanLateVisit", putValue("plannedVisitDate", "2025-07-28").putValue("delayReason", "店主の入院"));

    followUp.at(due.plusDays(21).minusMinutes(1));
    assertThat(followUp.instance).isNotWaitingAt("HandleLateVisit");
    followUp.at(due.plusDays(21));
    assertThat(followUp.instance).isWaitingAt("RecordVisit", "HandleLateVisit").hasPassed("EscalationInTasklistOnly");
    Task escalation = followUp.task("HandleLateVisit");
    assertThat(taskService.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("managers").count()).isOne();
    followUp.complete("HandleLateVisit", putValue("lateVisitAction", "instructedAdvisor")
        .putValue("lateVisitNotes", "今週中に訪問するよう指示した"));

    followUp.at(due.plusDays(30));
    assertThat(followUp.visits()).as("the late visit is never lost").hasSize(1);
    followUp.complete("RecordVisit", visitRecord("onTrack", 2_500L));
    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
  }

  @Test
  void recordingTheVisitClosesTheStillOpenReminderAndEscalation() {
    Case followUp = new Case(this, "sato", putValue("visitCount", 1));

    followUp.at(PLAN_DONE.plusMonths(3).plusDays(14 + 21));
    assertThat(followUp.instance).isWaitingAt("RecordVisit", "PlanLateVisit", "HandleLateVisit");
    followUp.complete("RecordVisit", visitRecord("onTrack", 2_500L));

    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales").isNotWaitingAt("PlanLateVisit", "HandleLateVisit");
    assertThat(taskService.createTaskQuery().processInstanceId(followUp.instance.getId()).count()).isOne();
  }

  @Test
  void aVisitRecordThatTheFormWouldRefuseIsRefusedThroughRestWithAJapaneseMessage() {
    Case followUp = new Case(this, "sato", putValue("visitCount", 1));
    followUp.at(PLAN_DONE.plusMonths(3));
    String visit = followUp.task("RecordVisit").getId();

    ResponseEntity<String> response = http.withBasicAuth("sato", "demo").postForEntity(
        "/engine-rest/task/" + visit + "/complete",
        Map.of("variables", Map.of(
            "visitDate", Map.of("value", "2025-07-02", "type", "String"),
            "salesToDate", Map.of("value", "２，５００", "type", "String"),
            "progress", Map.of("value", "fine", "type", "String"))),
        String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains(
        "訪問日に未来の日付は入力できません",
        "計画に対する進捗を選んでください", "課題を入力してください", "次回までの対応を入力してください");
    assertThat(followUp.instance).isWaitingAt("RecordVisit");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(followUp.instance.getId()).count()).isZero();
  }

  @Test
  void aTrackThatIsNotMeasuredBySalesGrowthEndsAfterItsLastVisit() {
    Case followUp = new Case(this, "ito", putValue("followUpTrack", "startup").putValue("visitInterval", "P1M")
        .putValue("visitCount", 2).putValue("assessesSalesGrowth", false));

    followUp.at(PLAN_DONE.plusMonths(1));
    followUp.complete("RecordVisit", visitRecord("onTrack", 300L));
    followUp.at(PLAN_DONE.plusMonths(2));
    followUp.complete("RecordVisit", visitRecord("onTrack", 700L));

    assertThat(followUp.instance).isEnded().hasPassed("VisitsCompleted").hasNotPassed("RecordAnnualSales");
    assertThat(followUp.historicValues("salesGrowthTargetMet")).isEmpty();
  }

  @Test
  void anAnnualResultWithoutAPreviousYearIsRefusedRatherThanCountedAsMissed() {
    Case followUp = new Case(this, "sato", putValue("visitCount", 1));
    followUp.at(PLAN_DONE.plusMonths(3));
    followUp.complete("RecordVisit", visitRecord("onTrack", 2_500L));

    assertThatThrownBy(() -> followUp.complete("RecordAnnualSales",
        putValue("annualSales", 10_000L).putValue("previousYearSales", 0L)))
        .isInstanceOf(FigureRefusal.class)
        .hasMessage("「前年度の売上高」は 1 以上の数字で入力してください（例: 62,000）。");
    assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
  }

  @Test
  void theScheduleOfEachTrackComesFromConfiguration() {
    assertThat(schedules.interval("plan")).isEqualTo("P3M");
    assertThat(schedules.visits("plan")).isEqualTo(4);
    assertThat(schedules.interval("startup")).isEqualTo("P1M");
    assertThat(schedules.visits("startup")).isEqualTo(12);
    assertThat(schedules.interval("succession")).isEqualTo("P3M");
    assertThat(schedules.visits("succession")).isEqualTo(4);
    assertThatThrownBy(() -> schedules.interval("fair")).hasMessageContaining("fair");
    assertThatThrownBy(() -> schedules.visitDate("three months", 1)).hasMessageContaining("P3M");
  }

  /**
   * Reminder mails need an SMTP server, which the shared context does not have; this is the one extra
   * context, on the same database, with mail switched on and pointed at GreenMail. Its engine has its
   * own name, so that the shared context's REST API and web apps keep finding theirs as "default".
   */
  @Nested
  @TestPropertySource(properties = {"bansou.mail.enabled=true", "bansou.mail.from=bansou@rumoi-cci.example",
      "spring.mail.host=127.0.0.1", "camunda.bpm.process-engine-name=mailtest"})
  class WithMail {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
      registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    // Camunda accepts only letters and digits in user ids
    private final String advisor = "advisor" + UUID.randomUUID().toString().replace("-", "");
    private final String manager = "manager" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void staffWithAddresses() {
      saveUser(advisor, "留萌", "太郎", advisor + "@rumoi-cci.example", "advisors");
      saveUser(manager, "事務局", "花子", manager + "@rumoi-cci.example", "managers");
    }

    @AfterEach
    void removeStaff() {
      identityService.deleteUser(advisor);
      identityService.deleteUser(manager);
    }

    @Test
    void theOverdueReminderAndTheEscalationAlsoArriveByMail() throws Exception {
      Case followUp = new Case(runtimeService, taskService, managementService, advisor, putValue("visitCount", 1));

      followUp.at(PLAN_DONE.plusMonths(3).plusDays(14 + 7));
      assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage reminder = smtp.getReceivedMessagesForDomain(advisor + "@rumoi-cci.example")[0];
      assertThat(reminder.getSubject()).isEqualTo("【巡回訪問の督促】" + followUp.businessName + " 様への第1回訪問が期限を過ぎています");
      assertThat(reminder.getContent().toString()).contains("留萌 太郎 様", "2025年7月15日", "2025年8月5日");
      assertThat(followUp.instance).hasPassed("AdvisorMailed").isWaitingAt("RecordVisit", "PlanLateVisit");

      followUp.at(PLAN_DONE.plusMonths(3).plusDays(14 + 21));
      assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
      MimeMessage alert = smtp.getReceivedMessagesForDomain(manager + "@rumoi-cci.example")[0];
      assertThat(alert.getSubject()).startsWith("【要対応】" + followUp.businessName);
      assertThat(alert.getContent().toString()).contains("担当 留萌 太郎", "遅れている訪問に対応する");
      assertThat(followUp.instance).hasPassed("ManagersMailed").isWaitingAt("RecordVisit", "HandleLateVisit");
    }

    @Test
    void aMailThatCannotBeSentIsRetriedThenBecomesAnIncidentWhileTheVisitStaysOpen() throws Exception {
      Case followUp = new Case(runtimeService, taskService, managementService, advisor, putValue("visitCount", 1));
      smtp.stop();

      EngineClock clock = followUp.clock;
      clock.setTo(PLAN_DONE.plusMonths(3).plusDays(14 + 7));
      int failures = 0;
      do {
        try {
          clock.executeDueJobs(followUp.instance.getId());
        } catch (RuntimeException smtpDown) {
          failures++;
        }
        clock.advance(Duration.ofMinutes(10));
      } while (mailJob(followUp).getRetries() > 0 && failures < 10);
      Job mail = mailJob(followUp);

      assertThat(failures).as("attempts before giving up").isEqualTo(3);
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(followUp.instance.getId())
          .singleResult();
      assertThat(incident.getActivityId()).isEqualTo("MailAdvisor");
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(followUp.instance).isWaitingAt("RecordVisit", "PlanLateVisit", "MailAdvisor");
      assertThat(smtp.getReceivedMessages()).isEmpty();

      // Cockpit's retry once the server is back delivers the mail and clears the incident
      smtp.start();
      managementService.setJobRetries(mail.getId(), 1);
      clock.executeDueJobs(followUp.instance.getId());
      assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
      assertThat(runtimeService.createIncidentQuery().processInstanceId(followUp.instance.getId()).count()).isZero();

      followUp.complete("RecordVisit", visitRecord("onTrack", 2_500L));
      assertThat(followUp.instance).isWaitingAt("RecordAnnualSales");
    }

    private Job mailJob(Case followUp) {
      return managementService.createJobQuery().processInstanceId(followUp.instance.getId())
          .activityId("MailAdvisor").singleResult();
    }

    private void saveUser(String id, String familyName, String givenName, String email, String group) {
      User user = identityService.newUser(id);
      user.setFirstName(familyName);
      user.setLastName(givenName);
      user.setEmail(email);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  /** One follow-up case of a test, started the way the business-plan model's call activity starts it. */
  private static final class Case {

    final RuntimeService runtimeService;
    final TaskService taskService;
    final EngineClock clock;
    final String businessKey = "T-" + UUID.randomUUID();
    final String businessName = "留萌テスト商店 " + businessKey.substring(2, 8);
    final ProcessInstance instance;
    private final HistoryService historyService;

    Case(FollowUpVisitsTest test, String advisor, VariableMap extra) {
      this(test.runtimeService, test.taskService, test.managementService, advisor, extra);
    }

    Case(RuntimeService runtimeService, TaskService taskService, ManagementService managementService, String advisor,
        VariableMap extra) {
      this.runtimeService = runtimeService;
      this.taskService = taskService;
      this.clock = new EngineClock(managementService);
      this.historyService = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService();
      clock.setTo(PLAN_DONE);
      VariableMap variables = putValue("advisor", advisor)
          .putValue("businessName", businessName)
          .putValue("industry", "小売業")
          .putValue("employees", 3)
          .putValue("followUpTrack", "plan")
          .putValue("visitInterval", "P3M")
          .putValue("visitCount", 4);
      variables.putAll(extra);
      this.instance = coverage.track(runtimeService.createProcessInstanceByKey("follow-up-visits")
          .businessKey(businessKey).setVariables(variables).execute());
    }

    void at(LocalDateTime japanTime) {
      clock.setTo(japanTime);
      clock.executeDueJobs(instance.getId());
    }

    List<Task> visits() {
      return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("RecordVisit").list();
    }

    Task task(String taskDefinitionKey) {
      return taskService.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    void complete(String taskDefinitionKey, Map<String, Object> variables) {
      taskService.complete(task(taskDefinitionKey).getId(), variables);
    }

    Object variable(Task task, String name) {
      return taskService.getVariable(task.getId(), name);
    }

    /** Every value a variable of this name had in this case, one per visit where the variable is per visit. */
    List<Object> historicValues(String name) {
      return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(name).list().stream()
          .map(HistoricVariableInstance::getValue)
          .filter(value -> value != null)
          .collect(Collectors.toList());
    }
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** A visit record as Tasklist's form submits it, visited today. */
  private static VariableMap visitRecord(String progress, long salesToDate) {
    return putValue("visitDate",
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.JAPAN).toString())
        .putValue("salesToDate", salesToDate)
        .putValue("progress", progress)
        .putValue("issues", "人手不足で新商品の試作が遅れている")
        .putValue("nextActions", "試作の外注先を探す");
  }

  private static Date japan(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.JAPAN).toInstant());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
