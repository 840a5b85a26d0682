package jp.bansou.succession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class BusinessSuccessionTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("business-succession");

  private static final LocalDateTime HEARD = LocalDateTime.of(2025, 9, 8, 10, 0);
  private static final LocalDateTime PLAN_DONE = LocalDateTime.of(2025, 10, 1, 9, 0);

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
  void heardAfterTheSurvey() {
    clock = new EngineClock(managementService);
    clock.setTo(HEARD);
  }

  @Test
  void anMnaSuccessionIsReferredToTheSuccessionCentreAndItsOutcomeIsKeptInHistory() {
    ProcessInstance succession = start("sato");
    hear(succession, "none");
    taskService.complete(task(succession).getId(), plan("thirdParty", true, true));

    assertThat(succession).isWaitingAt("ReferToSuccessionCentre");
    ProcessInstance referral = calledProcessInstance("specialist-referral", succession);
    assertThat(referral).hasBusinessKey(succession.getBusinessKey()).variables()
        .containsEntry("referralBody", "北海道事業承継・引継ぎ支援センター")
        .containsEntry("referralReason", "譲渡先の探索と自社株式の評価");
    taskService.complete(task(referral).getId(), putValue("referralBody", "北海道事業承継・引継ぎ支援センター")
        .putValue("referralReason", "譲渡先の探索と自社株式の評価").putValue("referralDate", "2025-09-16"));
    taskService.complete(task(referral).getId(), putValue("referralOutcomeDate", "2025-09-29")
        .putValue("referralOutcome", "resolved")
        .putValue("referralOutcomeNotes", "株価を評価し、センターの登録機関で譲渡先の探索を開始"));

    assertThat(succession).isWaitingAt("RecordJfcFinancing");
    taskService.complete(task(succession).getId(), putValue("financingAmount", 15000L)
        .putValue("financingApplicationDate", "2025-09-22").putValue("financingResult", "approved")
        .putValue("financingDecisionDate", "2025-09-30"));
    finalizePlan(succession, "thirdParty");

    ProcessInstance followUp = calledProcessInstance("follow-up-visits", succession);
    assertThat(followUp).hasBusinessKey(succession.getBusinessKey()).variables()
        .containsEntry("followUpTrack", "succession").containsEntry("visitInterval", "P3M")
        .containsEntry("visitCount", 4).containsEntry("assessesSalesGrowth", false)
        .containsEntry("industry", "卸売業、小売業").containsEntry("employees", 3);
    assertThat(FollowUpYear.completeVisitsOnTrack(processEngine, followUp)).isEqualTo(4);
    close(succession, "sold");

    assertThat(succession).isEnded().hasPassed("ReferToSuccessionCentre", "BusinessSold");
    // the referral and its outcome stay with the case and with the referral itself, after both ended
    assertThat(historicValue(succession.getId(), "referralBody")).isEqualTo("北海道事業承継・引継ぎ支援センター");
    assertThat(historicValue(succession.getId(), "referralOutcome")).isEqualTo("resolved");
    assertThat(historicValue(succession.getId(), "referralOutcomeDate")).isEqualTo("2025-09-29");
    assertThat(historicValue(succession.getId(), "referralOutcomeNotes"))
        .isEqualTo("株価を評価し、センターの登録機関で譲渡先の探索を開始");
    HistoricProcessInstance historicReferral = historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(succession.getId()).processDefinitionKey("specialist-referral").singleResult();
    assertThat(historicReferral.getEndTime()).isNotNull();
    assertThat(historicValue(historicReferral.getId(), "referralOutcome")).isEqualTo("resolved");
    assertThat(historicValue(succession.getId(), "financingResult")).isEqualTo("approved");
    assertThat(historicValue(succession.getId(), "successionClosureReason")).isEqualTo("sold");
  }

  @Test
  void aSuccessionGetsExactlyOneVisitAQuarterAndAnotherYearOfVisitsWhileStillInProgress() {
    ProcessInstance succession = start("ito");
    hear(succession, "family");
    taskService.complete(task(succession).getId(), plan("family", false, false));
    finalizePlan(succession, "family");

    for (int quarter = 1; quarter <= 4; quarter++) {
      at(succession, PLAN_DONE.plusMonths(3L * quarter).minusMinutes(1));
      assertThat(visits(succession)).as("visit tasks just before quarter %d", quarter).isEmpty();
      at(succession, PLAN_DONE.plusMonths(3L * quarter));
      List<Task> visits = visits(succession);
      assertThat(visits).as("visit tasks in quarter %d", quarter).hasSize(1);
      assertThat(visits.get(0).getAssignee()).isEqualTo("ito");
      taskService.complete(visits.get(0).getId(), putValue("visitDate", clock.now().toLocalDate().toString())
          .putValue("salesToDate", 9000L * quarter).putValue("progress", "onTrack")
          .putValue("issues", "長男への株式移転の時期").putValue("nextActions", "税理士と贈与の時期を相談"));
    }

    assertThat(succession).isWaitingAt("RecordSuccessionOutcome");
    taskService.complete(task(succession).getId(), putValue("successionOutcome", "inProgress")
        .putValue("successionOutcomeNotes", "代表交代は来年4月の予定"));
    assertThat(succession).isWaitingAt("FollowUpSuccession");
    clock.executeDueJobs(succession.getId());
    assertThat(FollowUpYear.completeVisitsOnTrack(processEngine, calledProcessInstance("follow-up-visits", succession)))
        .isEqualTo(4);

    close(succession, "succeeded");
    assertThat(succession).isEnded().hasPassed("SuccessionCompleted").hasNotPassed("ReferToSuccessionCentre");
    assertThat(historyService.createHistoricTaskInstanceQuery().rootProcessInstanceId(succession.getId())
        .taskDefinitionKey("RecordVisit").finished().count()).isEqualTo(8);
    assertThat(historicValue(succession.getId(), "successionPlanCompletedDate")).isEqualTo("2025-10-01");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"succeeded, SuccessionCompleted", "sold, BusinessSold", "closed, BusinessClosed",
      "abandoned, SuccessionAbandoned"})
  void eachClosureReasonEndsTheCase(String reason, String endEvent) {
    ProcessInstance succession = start("sato");
    hear(succession, "employee");
    taskService.complete(task(succession).getId(), plan("employee", false, false));
    finalizePlan(succession, "employee");
    FollowUpYear.completeVisitsOnTrack(processEngine, calledProcessInstance("follow-up-visits", succession));

    close(succession, reason);

    assertThat(succession).isEnded().hasPassed(endEvent);
    assertThat(historicValue(succession.getId(), "successionClosureReason")).isEqualTo(reason);
    assertThat(historicValue(succession.getId(), "successionOutcomeDate")).isEqualTo("2026-10-15");
  }

  @Test
  void anAdvisorStartsASuccessionCaseInTasklistForAnOwnerFoundByTheSurvey() throws Exception {
    String businessId = TestBusinesses.register(registry, "T-" + UUID.randomUUID(), "留萌港食堂",
        "宿泊業、飲食サービス業", 2, "sato");
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("business-succession").latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId).putValue("entryRoute", "survey")));
    ProcessInstance succession = coverage.track(started[0]);

    assertThat(succession).hasBusinessKey(businessId).isWaitingAt("HearSuccessionSituation").variables()
        .containsEntry("businessName", "留萌港食堂").containsEntry("entryRoute", "survey");
    assertThat(task(succession)).isAssignedTo("sato");
    String hearing = task(succession).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(hearing, hearing("none")));
    assertThat(succession).isWaitingAt("DraftSuccessionPlan");
    assertThat(historicValue(succession.getId(), "ownerAge")).isEqualTo(72L);
    assertThat(historicValue(succession.getId(), "successorStatus")).isEqualTo("none");
  }

  private ProcessInstance start(String advisor) {
    String businessId = TestBusinesses.register(registry, "T-" + UUID.randomUUID(), "留萌金物店", "卸売業、小売業", 3,
        advisor);
    return coverage.track(runtimeService.startProcessInstanceByKey("business-succession", businessId,
        putValue("advisor", advisor).putValue("entryRoute", "visit")));
  }

  private void hear(ProcessInstance succession, String successorStatus) {
    assertThat(succession).isWaitingAt("HearSuccessionSituation");
    taskService.complete(task(succession).getId(), hearing(successorStatus));
  }

  private static VariableMap hearing(String successorStatus) {
    return putValue("hearingDate", "2025-09-08").putValue("ownerAge", 72L).putValue("successorStatus", successorStatus)
        .putValue("successionTiming", "withinThreeYears")
        .putValue("ownerIntentions", "店は残したいが、借入金の保証をどうするかが不安");
  }

  private static VariableMap plan(String method, boolean needsSuccessionCentre, boolean needsFinancing) {
    VariableMap plan = putValue("successionMethod", method).putValue("plannedSuccessionDate", "2027-04-01")
        .putValue("planActions", "後継者の育成、取引先と金融機関への説明、自社株式の移転")
        .putValue("needsSuccessionCentre", needsSuccessionCentre).putValue("needsFinancing", needsFinancing);
    if (needsSuccessionCentre) {
      plan.putValue("successionCentreRequest", "譲渡先の探索と自社株式の評価");
    }
    return plan;
  }

  /** The quarterly visits count from the day the plan is finalized. */
  private void finalizePlan(ProcessInstance succession, String method) {
    assertThat(succession).isWaitingAt("FinalizeSuccessionPlan");
    clock.setTo(PLAN_DONE);
    taskService.complete(task(succession).getId(), putValue("successionMethod", method)
        .putValue("plannedSuccessionDate", "2027-04-01").putValue("planActions", "後継者の育成と自社株式の移転")
        .putValue("successionPlanCompletedDate", "2025-10-01"));
    // the hand-over runs in its own transaction, as in the business plan
    assertThat(succession).isWaitingAt("FollowUpSuccession");
    clock.executeDueJobs(succession.getId());
  }

  private void close(ProcessInstance succession, String reason) {
    assertThat(succession).isWaitingAt("RecordSuccessionOutcome");
    taskService.complete(task(succession).getId(), putValue("successionOutcome", reason)
        .putValue("successionOutcomeDate", "2026-10-15").putValue("successionOutcomeNotes", "経緯を記録"));
  }

  private void at(ProcessInstance succession, LocalDateTime japanTime) {
    clock.setTo(japanTime);
    clock.executeDueJobs(succession.getId());
  }

  private List<Task> visits(ProcessInstance succession) {
    return taskService.createTaskQuery().processInstanceBusinessKey(succession.getBusinessKey())
        .taskDefinitionKey("RecordVisit").list();
  }

  private Object historicValue(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("variable %s in history", name).isNotNull();
    return variable.getValue();
  }
}
