package jp.bansou.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.followup.FollowUpYear;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class BusinessPlanTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("business-plan");

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
  ProcessEngine processEngine;
  @Autowired
  BusinessRegistry registry;
  EngineClock clock;

  @BeforeEach
  void planFinishedInSummer() {
    clock = new EngineClock(managementService);
    clock.setTo(LocalDateTime.of(2025, 9, 30, 10, 0));
  }

  static VariableMap draft(boolean needsSpecialist, boolean needsFinancing) {
    return putValue("planStartDate", "2025-07-01").putValue("planPeriodYears", 3L)
        .putValue("previousYearSales", 48000L).putValue("salesTargetYear1", 49440L)
        .putValue("salesTargetYear2", 51000L).putValue("salesTargetYear3", 53000L)
        .putValue("planActions", "通年商品「カズチー」の道外販路開拓（社長、R8年3月まで）")
        .putValue("needsSpecialist", needsSpecialist).putValue("needsFinancing", needsFinancing);
  }

  static VariableMap finalPlan() {
    return putValue("planPeriodYears", 3L).putValue("previousYearSales", 48000L)
        .putValue("salesTargetYear1", 49440L).putValue("planActions", "通年商品の道外販路開拓")
        .putValue("planCompletedDate", "2025-09-30");
  }

  @Test
  void aPlanWithASpecialistConsultationAndJfcFinancingStartsItsFollowUpWithTheCaseData() {
    String businessId = TestBusinesses.register(registry, "ito");
    ProcessInstance plan = coverage.track(runtimeService.startProcessInstanceByKey("business-plan", businessId,
        putValue("advisor", "ito")));
    assertThat(plan).isWaitingAt("DraftBusinessPlan").variables().containsEntry("businessId", businessId);
    taskService.complete(task(plan).getId(), draft(true, true));

    assertThat(plan).isWaitingAt("ConsultSpecialist");
    ProcessInstance consultation = calledProcessInstance("specialist-referral", plan);
    assertThat(consultation).hasBusinessKey(businessId).variables().containsEntry("referralBody", "中小企業診断士");
    taskService.complete(task(consultation).getId(), putValue("referralDate", "2025-07-15"));
    taskService.complete(task(consultation).getId(), putValue("referralOutcomeDate", "2025-08-05")
        .putValue("referralOutcome", "resolved").putValue("referralOutcomeNotes", "個別相談会で販路計画を助言"));

    assertThat(plan).isWaitingAt("RecordJfcFinancing").variables().containsEntry("referralOutcome", "resolved");
    taskService.complete(task(plan).getId(), putValue("financingAmount", 5000L)
        .putValue("financingApplicationDate", "2025-08-20").putValue("financingResult", "approved")
        .putValue("financingDecisionDate", "2025-09-10"));

    assertThat(plan).isWaitingAt("FinalizeBusinessPlan");
    taskService.complete(task(plan).getId(), finalPlan());

    // the hand-over runs in its own transaction: the advisor's completed plan never rolls back with it
    assertThat(plan).isWaitingAt("FollowUpPlan");
    clock.executeDueJobs(plan.getId());

    ProcessInstance followUp = calledProcessInstance("follow-up-visits", plan);
    assertThat(followUp).hasBusinessKey(businessId).variables()
        .containsEntry("advisor", "ito").containsEntry("businessId", businessId)
        .containsEntry("businessName", "留萌かずの子食品").containsEntry("industry", "製造業")
        .containsEntry("employees", 4).containsEntry("followUpTrack", "plan")
        .containsEntry("visitInterval", "P3M").containsEntry("visitCount", 4)
        .containsEntry("previousYearSales", 48000L).containsEntry("salesTargetYear1", 49440L);

    FollowUpYear.completeOnTrack(processEngine, followUp, 49500L);
    assertThat(plan).isEnded().hasPassed("PlanCarriedOut");
  }

  @Test
  void anAdvisorStartsAPlanInTasklistWithoutConsultationOrFinancing() throws Exception {
    String businessId = TestBusinesses.register(registry, "T-" + UUID.randomUUID(), "るもい商店", "卸売業、小売業", 2, "sato");
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("business-plan").latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId)));
    ProcessInstance plan = coverage.track(started[0]);
    assertThat(plan).hasBusinessKey(businessId).isWaitingAt("DraftBusinessPlan");
    assertThat(task(plan)).isAssignedTo("sato");

    String draftTask = task(plan).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(draftTask, draft(false, false)));
    String finalizeTask = task(plan).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(finalizeTask, finalPlan()));

    assertThat(plan).isWaitingAt("FollowUpPlan").hasPassed("DraftBusinessPlan", "FinalizeBusinessPlan")
        .hasNotPassed("ConsultSpecialist", "RecordJfcFinancing");
  }
}
