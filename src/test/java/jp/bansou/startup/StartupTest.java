package jp.bansou.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.followup.FollowUpYear;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class StartupTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("startup");

  private static final LocalDateTime CONSULTED = LocalDateTime.of(2025, 4, 14, 10, 0);
  private static final LocalDateTime FOUNDED = LocalDateTime.of(2025, 6, 2, 9, 0);

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ProcessEngine processEngine;
  @Autowired
  BusinessRegistry registry;
  EngineClock clock;

  @BeforeEach
  void consultedInSpring() {
    clock = new EngineClock(managementService);
    clock.setTo(CONSULTED);
  }

  @Test
  void aFounderWithJfcFinancingAndTheCityGrantGetsExactlyOneVisitTaskAMonthForTwelveMonthsThenTheCaseEndsOnTrack() {
    ProcessInstance startup = start("sato");
    consult(startup, "plan");
    taskService.complete(task(startup).getId(), plan(true, true));

    assertThat(startup).isWaitingAt("RecordJfcFinancing");
    taskService.complete(task(startup).getId(), putValue("financingAmount", 7000L)
        .putValue("financingApplicationDate", "2025-04-25").putValue("financingResult", "approved")
        .putValue("financingDecisionDate", "2025-05-16"));

    assertThat(startup).isWaitingAt("RecordCityGrant");
    assertThat(taskService.getVariable(task(startup).getId(), "cityGrantName")).isEqualTo("留萌市地元企業応援助成事業");
    taskService.complete(task(startup).getId(), putValue("cityGrantApplicationDate", "2025-04-28")
        .putValue("cityGrantAmountApplied", 1000L).putValue("cityGrantResult", "approved")
        .putValue("cityGrantAmountGranted", 800L).putValue("cityGrantDecisionDate", "2025-05-20"));

    finalizePlan(startup);
    found(startup);

    ProcessInstance followUp = calledProcessInstance("follow-up-visits", startup);
    assertThat(followUp).hasBusinessKey(startup.getBusinessKey()).variables()
        .containsEntry("followUpTrack", "startup").containsEntry("visitInterval", "P1M")
        .containsEntry("visitCount", 12).containsEntry("assessesSalesGrowth", false)
        .containsEntry("employees", 1L).containsEntry("salesTargetYear1", 18000L);

    for (int month = 1; month <= 12; month++) {
      at(startup, FOUNDED.plusMonths(month).minusMinutes(1));
      assertThat(visits(startup)).as("visit tasks just before month %d", month).isEmpty();
      at(startup, FOUNDED.plusMonths(month));
      List<Task> visits = visits(startup);
      assertThat(visits).as("visit tasks in month %d", month).hasSize(1);
      assertThat(visits.get(0).getAssignee()).isEqualTo("sato");
      assertThat(visits.get(0).getDueDate()).isEqualTo(japan(dueOnAnOpenDay(FOUNDED.plusMonths(month).plusDays(14))));
      taskService.complete(visits.get(0).getId(), visit("onTrack", 1500L * month));
    }

    assertThat(followUp).isEnded().hasPassed("VisitsCompleted");
    assertThat(startup).isWaitingAt("DecideStartupOnTrack");
    taskService.complete(task(startup).getId(), putValue("startupOutcome", "onTrack")
        .putValue("onTrackAssessment", "月商150万円で安定し、資金繰りにも余裕が出た"));

    assertThat(startup).isEnded().hasPassed("StartupOnTrackEnded");
    assertThat(historicValues(startup, "startupClosureReason")).containsExactly("onTrack");
    assertThat(historicValues(startup, "startupPlanCompletedDate")).containsExactly("2025-05-23");
    assertThat(historicValues(startup, "foundingDate")).containsExactly("2025-06-02");
    assertThat(historicValues(startup, "cityGrantResult")).containsExactly("approved");
    assertThat(historicValues(startup, "financingResult")).containsExactly("approved");
    assertThat(historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(startup.getId())
        .taskDefinitionKey("RecordVisit").finished().count()).isEqualTo(12);
  }

  @Test
  void aStartupNotYetOnTrackIsExtendedByAnotherRoundOfMonthlyVisits() {
    ProcessInstance startup = foundedWithoutFinancing("ito");

    assertThat(FollowUpYear.completeVisitsOnTrack(processEngine, calledProcessInstance("follow-up-visits", startup)))
        .isEqualTo(12);
    taskService.complete(task(startup).getId(), putValue("startupOutcome", "extend")
        .putValue("onTrackAssessment", "冬季の売上が計画の半分で、資金繰りがまだ不安定"));

    assertThat(startup).isWaitingAt("FollowUpStartup");
    clock.executeDueJobs(startup.getId());
    ProcessInstance extension = calledProcessInstance("follow-up-visits", startup);
    assertThat(extension).variables().containsEntry("followUpTrack", "startup")
        .containsEntry("visitInterval", "P1M").containsEntry("visitCount", 6);
    assertThat(FollowUpYear.completeVisitsOnTrack(processEngine, extension)).isEqualTo(6);

    taskService.complete(task(startup).getId(), putValue("startupOutcome", "onTrack")
        .putValue("onTrackAssessment", "春以降の売上が計画を上回った"));
    assertThat(startup).isEnded().hasPassed("StartupOnTrackEnded");
    assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(startup.getId())
        .processDefinitionKey("follow-up-visits").count()).isEqualTo(2);
    assertThat(historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(startup.getId())
        .taskDefinitionKey("RecordVisit").finished().count()).isEqualTo(18);
  }

  @Test
  void anOverdueStartupVisitRemindsTheAdvisorThenEscalatesToTheManagersLikeAnyFollowUp() {
    ProcessInstance startup = foundedWithoutFinancing("sato");
    LocalDateTime due = FOUNDED.plusMonths(1).plusDays(14);

    at(startup, due.plusDays(7).minusMinutes(1));
    ProcessInstance followUp = calledProcessInstance("follow-up-visits", startup);
    assertThat(followUp).isWaitingAt("RecordVisit").isNotWaitingAt("PlanLateVisit");
    at(startup, due.plusDays(7));
    assertThat(followUp).isWaitingAt("RecordVisit", "PlanLateVisit");
    assertThat(openTask("PlanLateVisit", followUp).getAssignee()).isEqualTo("sato");

    at(startup, due.plusDays(21));
    assertThat(followUp).isWaitingAt("RecordVisit", "PlanLateVisit", "HandleLateVisit");
    assertThat(taskService.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("HandleLateVisit")
        .taskCandidateGroup("managers").count()).isOne();

    // the late visit stays open beside the next month's
    List<Task> visits = visits(startup);
    assertThat(visits).hasSize(2);
    assertThat(visits.get(0).getDueDate()).isEqualTo(japan(due));

    // advanced issues of a startup go to Hokkaido Yorozu Support Center first
    taskService.complete(visits.get(0).getId(), visit("largeDeviation", 200L));
    assertThat(followUp).isWaitingAt("RevisePlan");
    assertThat(taskService.getVariable(openTask("RevisePlan", followUp).getId(), "referralBody"))
        .isEqualTo("北海道よろず支援拠点");
  }

  @Test
  void anAdvisorStartsAStartupInTasklistAndTheFounderDecidesNotToFound() throws Exception {
    String businessId = TestBusinesses.register(registry, "T-" + UUID.randomUUID(), "カフェ黄金岬（開業準備中）",
        "宿泊業、飲食サービス業", 0, "sato");
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("startup").latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId).putValue("entryRoute", "seminar")));
    ProcessInstance startup = coverage.track(started[0]);
    assertThat(startup).hasBusinessKey(businessId).isWaitingAt("RecordPreFoundingConsultation").variables()
        .containsEntry("businessName", "カフェ黄金岬（開業準備中）");
    assertThat(task(startup)).isAssignedTo("sato");

    String consultation = task(startup).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(consultation,
        consultation("notFounded")));

    assertThat(startup).isEnded().hasPassed("StartupNotFounded").hasNotPassed("DraftStartupPlan");
    assertThat(historicValues(startup, "startupClosureReason")).containsExactly("notFounded");
  }

  @Test
  void aFounderWhoGivesUpAfterThePlanEndsTheCaseWithoutFollowUp() {
    ProcessInstance startup = start("ito");
    consult(startup, "plan");
    taskService.complete(task(startup).getId(), plan(false, false));
    finalizePlan(startup);
    taskService.complete(task(startup).getId(), putValue("foundingStatus", "notFounded")
        .putValue("notFoundedReason", "店舗物件の契約がまとまらなかった"));

    assertThat(startup).isEnded().hasPassed("StartupNotFounded").hasNotPassed("FollowUpStartup");
    assertThat(historicValues(startup, "startupClosureReason")).containsExactly("notFounded");
    assertThat(historicValues(startup, "startupPlanCompletedDate")).containsExactly("2025-05-23");
  }

  private ProcessInstance start(String advisor) {
    String businessId = TestBusinesses.register(registry, "T-" + UUID.randomUUID(), "るもい珈琲（開業準備中）",
        "宿泊業、飲食サービス業", 0, advisor);
    return coverage.track(runtimeService.startProcessInstanceByKey("startup", businessId,
        putValue("advisor", advisor).putValue("entryRoute", "jfc")));
  }

  private ProcessInstance foundedWithoutFinancing(String advisor) {
    ProcessInstance startup = start(advisor);
    consult(startup, "plan");
    taskService.complete(task(startup).getId(), plan(false, false));
    finalizePlan(startup);
    found(startup);
    return startup;
  }

  private void consult(ProcessInstance startup, String nextStep) {
    assertThat(startup).isWaitingAt("RecordPreFoundingConsultation");
    taskService.complete(task(startup).getId(), consultation(nextStep));
  }

  private static VariableMap consultation(String nextStep) {
    return putValue("consultationDate", "2025-04-14").putValue("businessIdea", "道の駅近くで自家焙煎の喫茶店")
        .putValue("founderConcerns", "開業資金と冬季の集客").putValue("startupNextStep", nextStep);
  }

  private static VariableMap plan(boolean needsFinancing, boolean appliesForCityGrant) {
    return putValue("plannedFoundingDate", "2025-06-01").putValue("businessSummary", "自家焙煎珈琲と地元菓子の喫茶店")
        .putValue("startupFunds", 9000L).putValue("ownFunds", 2000L).putValue("salesTargetYear1", 18000L)
        .putValue("planActions", "5月に内装工事、6月開業、SNSで開業告知")
        .putValue("needsFinancing", needsFinancing).putValue("appliesForCityGrant", appliesForCityGrant);
  }

  private void finalizePlan(ProcessInstance startup) {
    assertThat(startup).isWaitingAt("FinalizeStartupPlan");
    taskService.complete(task(startup).getId(), putValue("plannedFoundingDate", "2025-06-02")
        .putValue("salesTargetYear1", 18000L).putValue("planActions", "6月開業、SNSで開業告知")
        .putValue("startupPlanCompletedDate", "2025-05-23"));
  }

  /** The founder opens on FOUNDED; the monthly visits count from the day the advisor records it. */
  private void found(ProcessInstance startup) {
    assertThat(startup).isWaitingAt("RecordFounding");
    clock.setTo(FOUNDED);
    taskService.complete(task(startup).getId(), putValue("foundingStatus", "founded")
        .putValue("foundingDate", "2025-06-02").putValue("legalForm", "soleProprietor").putValue("employees", 1L));
    // the hand-over runs in its own transaction, as in the business plan
    assertThat(startup).isWaitingAt("FollowUpStartup");
    clock.executeDueJobs(startup.getId());
  }

  private void at(ProcessInstance startup, LocalDateTime japanTime) {
    clock.setTo(japanTime);
    clock.executeDueJobs(startup.getId());
  }

  private List<Task> visits(ProcessInstance startup) {
    return taskService.createTaskQuery().processInstanceBusinessKey(startup.getBusinessKey())
        .taskDefinitionKey("RecordVisit").orderByDueDate().asc().list();
  }

  private Task openTask(String taskDefinitionKey, ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  private List<Object> historicValues(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().map(HistoricVariableInstance::getValue).toList();
  }

  private VariableMap visit(String progress, long salesToDate) {
    return putValue("visitDate", clock.now().toLocalDate().toString()).putValue("salesToDate", salesToDate)
        .putValue("progress", progress).putValue("issues", "冬季の客足").putValue("nextActions", "冬季限定メニューを試す");
  }

  private static Date japan(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.JAPAN).toInstant());
  }

  /**
   * The visit window ends two weeks after the visit fell due; on a weekend it ends on the Monday after
   * (the business calendar, docs/calendar.md): of this founder's twelve months, 2025-08-16, 2025-11-16 and
   * 2026-05-16 fall on a weekend.
   */
  private static LocalDateTime dueOnAnOpenDay(LocalDateTime due) {
    return switch (due.toLocalDate().toString()) {
      case "2025-08-16", "2026-05-16" -> due.plusDays(2);
      case "2025-11-16" -> due.plusDays(1);
      default -> due;
    };
  }
}
