package jp.bansou.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.util.Map;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.followup.FollowUpYear;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class ManagementAnalysisTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("management-analysis");

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

  /** A fishery processor's year in thousand yen; LocalBenchmarkTest works the same figures by hand. */
  static VariableMap shopFigures() {
    return putValue("sales", 48000L).putValue("previousSales", 40000L).putValue("costOfSales", 30000L)
        .putValue("sellingAndAdministrativeExpenses", 15600L).putValue("operatingProfit", 2400L)
        .putValue("depreciation", 1600L).putValue("employees", 4L).putValue("borrowings", 20000L)
        .putValue("cashAndDeposits", 8000L).putValue("accountsReceivable", 6000L).putValue("inventory", 3000L)
        .putValue("accountsPayable", 5000L).putValue("netAssets", 9000L).putValue("totalAssets", 36000L)
        .putValue("fixedCosts", 12000L).putValue("variableCosts", 28800L);
  }

  private String newBusiness() {
    return TestBusinesses.register(registry, "ito");
  }

  private ProcessInstance startAnalysis(String businessId) {
    return coverage.track(runtimeService.startProcessInstanceByKey("management-analysis", businessId,
        putValue("advisor", "ito").putValue("entryRoute", "marukeiLoan")));
  }

  private void completeFinancials(ProcessInstance analysis, VariableMap figures) {
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");
    taskService.complete(task(analysis).getId(), figures);
    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis");
    taskService.complete(task(analysis).getId(),
        putValue("financialAnalysisNotes", "粗利は確保、借入が重い").putValue("correctFigures", false));
  }

  private void analyseAndFeedBack(ProcessInstance analysis, VariableMap decision) {
    assertThat(analysis).isWaitingAt("AnalyseNonFinancials");
    taskService.complete(task(analysis).getId(), putValue("strengths", "数の子の加工技術\n自社ブランド")
        .putValue("weaknesses", "人手不足").putValue("opportunities", "機能性表示食品の認定")
        .putValue("threats", "原料価格の高騰").putValue("viewOwner", "二代目、意欲が高い")
        .putValue("viewBusiness", "年末に売上が集中").putValue("viewEnvironment", "取引先は道内の卸が中心")
        .putValue("viewInternalManagement", "経理は外部委託"));
    assertThat(analysis).isWaitingAt("FeedBackResults");
    VariableMap feedback = putValue("feedbackDate", "2025-06-10").putValue("feedbackNotes", "通年商品の開発を提案");
    feedback.putAll(decision);
    taskService.complete(task(analysis).getId(), feedback);
  }

  @Test
  void anAdvisorStartsAnAnalysisInTasklistAndTheCaseFlowsOnToAPlanAndItsFollowUp() throws Exception {
    String businessId = newBusiness();
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("management-analysis").latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId).putValue("entryRoute", "seminar")));
    ProcessInstance analysis = coverage.track(started[0]);

    assertThat(analysis).hasBusinessKey(businessId).hasVariables("advisor").isWaitingAt("EnterFinancialFigures");
    assertThat(analysis).as("read from the registry, not typed again").variables()
        .containsEntry("businessName", "留萌かずの子食品").containsEntry("industry", "製造業").containsEntry("employees", 4);
    assertThat(task(analysis)).isAssignedTo("sato");
    String figuresTask = task(analysis).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(figuresTask, shopFigures()));

    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis");
    String reviewTask = task(analysis).getId();
    Acting.as(identityService, "sato", "advisors", () -> {
      Map<String, Object> shown = formService.getTaskFormVariables(reviewTask);
      assertThat(shown).containsEntry("lbSalesGrowthText", "20.0%")
          .containsEntry("lbOperatingMarginText", "5.0%")
          .containsEntry("lbLabourProductivityText", "600 千円/人")
          .containsEntry("lbEbitdaDebtRatioText", "3.00 倍")
          .containsEntry("lbWorkingCapitalTurnoverText", "1.0 か月")
          .containsEntry("lbEquityRatioText", "25.0%")
          .containsEntry("lbBreakEvenSalesText", "30,000 千円")
          .containsEntry("correctFigures", false);
      taskService.complete(reviewTask, putValue("financialAnalysisNotes", "収益性は業種平均並み"));
    });
    assertThat(analysis).variables().containsEntry("lbSalesGrowth", 0.2).containsEntry("lbBreakEvenSales", 30000.0);

    analyseAndFeedBack(analysis, putValue("analysisNextStep", "plan"));

    assertThat(analysis).isWaitingAt("StartBusinessPlan");
    ProcessInstance plan = calledProcessInstance(analysis);
    assertThat(plan).hasProcessDefinitionKey("business-plan").hasBusinessKey(businessId)
        .isWaitingAt("DraftBusinessPlan");
    assertThat(plan).variables().containsEntry("advisor", "sato").containsEntry("businessId", businessId)
        .containsEntry("businessName", "留萌かずの子食品").containsEntry("industry", "製造業")
        .containsEntry("employees", 4).containsEntry("previousYearSales", 48000L);
    assertThat(task(plan)).isAssignedTo("sato");

    String draftTask = task(plan).getId();
    Acting.as(identityService, "sato", "advisors", () -> taskService.complete(draftTask,
        putValue("planStartDate", "2025-07-01").putValue("planPeriodYears", 1L)
            .putValue("salesTargetYear1", 49440L).putValue("planActions", "通年商品の開発と道外販路の開拓")
            .putValue("needsSpecialist", false).putValue("needsFinancing", false)));
    String finalizeTask = task(plan).getId();
    Acting.as(identityService, "sato", "advisors",
        () -> taskService.complete(finalizeTask, putValue("planCompletedDate", "2025-06-30")));
    new EngineClock(managementService).executeDueJobs(analysis.getId());

    ProcessInstance followUp = calledProcessInstance("follow-up-visits", plan);
    assertThat(followUp).hasBusinessKey(businessId).variables().containsEntry("advisor", "sato")
        .containsEntry("businessName", "留萌かずの子食品").containsEntry("previousYearSales", 48000L)
        .containsEntry("followUpTrack", "plan");

    FollowUpYear.completeOnTrack(processEngine, followUp, 49440L);
    assertThat(plan).isEnded();
    assertThat(analysis).isEnded().hasPassed("StartBusinessPlan", "AnalysisLedToPlan");
  }

  @Test
  void anAnalysisCanEndWithFeedbackAndNoPlan() {
    ProcessInstance analysis = startAnalysis(newBusiness());
    completeFinancials(analysis, shopFigures());
    analyseAndFeedBack(analysis, putValue("analysisNextStep", "end"));

    assertThat(analysis).isEnded().hasPassed("FeedBackResults", "AnalysisClosed").hasNotPassed("StartBusinessPlan");
  }

  @Test
  void impossibleFiguresShowAsNotComputableAndTheAdvisorCanCorrectThem() {
    ProcessInstance analysis = startAnalysis(newBusiness());
    // figures the form accepts (a dormant year: no sales, no staff, nothing on the balance sheet) that no
    // indicator can be computed from
    taskService.complete(task(analysis).getId(), putValue("sales", 0L).putValue("previousSales", 0L)
        .putValue("costOfSales", 0L).putValue("sellingAndAdministrativeExpenses", 1600L)
        .putValue("operatingProfit", -1600L).putValue("depreciation", 1600L).putValue("employees", 0L)
        .putValue("borrowings", 0L).putValue("cashAndDeposits", 0L).putValue("accountsReceivable", 0L)
        .putValue("inventory", 0L).putValue("accountsPayable", 0L).putValue("netAssets", 0L)
        .putValue("totalAssets", 0.0).putValue("fixedCosts", 0L).putValue("variableCosts", 0L));

    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis").variables()
        .containsEntry("lbSalesGrowthText", "算出不可（前年売上高が0のため算出できません）")
        .containsEntry("lbOperatingMarginText", "算出不可（売上高が0のため算出できません）")
        .containsEntry("lbLabourProductivityText", "算出不可（従業員数が0のため算出できません）")
        .containsEntry("lbEbitdaDebtRatioText",
            "算出不可（要注意: EBITDA（営業利益＋減価償却費）が 0 で、借入金を返済する元手が生まれていないため倍率を示せません）")
        .containsEntry("lbEquityRatioText", "算出不可（総資産が0のため算出できません）")
        .containsEntry("lbSalesGrowth", null);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(analysis.getId()).count()).isZero();

    taskService.complete(task(analysis).getId(),
        putValue("financialAnalysisNotes", "決算書を確認し直す").putValue("correctFigures", true));
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");
    completeFinancials(analysis, shopFigures());

    assertThat(analysis).isWaitingAt("AnalyseNonFinancials").variables()
        .containsEntry("lbSalesGrowthText", "20.0%").containsEntry("figuresToCorrect", false);
  }

  @Test
  void anAssistantMayEnterTheFiguresTheAdvisorHandsHerButTheAdvisorReviewsThem() throws Exception {
    ProcessInstance analysis = startAnalysis(newBusiness());
    String figuresTask = task(analysis).getId();
    // an assigned task is the assignee's: the advisor hands the figures to the assistant first
    Acting.as(identityService, "suzuki", "assistants",
        () -> assertThatThrownBy(() -> taskService.complete(figuresTask, shopFigures()))
            .isInstanceOf(AuthorizationException.class));
    String advisor = taskService.createTaskQuery().taskId(figuresTask).singleResult().getAssignee();
    Acting.as(identityService, advisor, "advisors", () -> taskService.setAssignee(figuresTask, "suzuki"));
    Acting.as(identityService, "suzuki", "assistants", () -> taskService.complete(figuresTask, shopFigures()));

    String reviewTask = task(analysis).getId();
    Acting.as(identityService, "suzuki", "assistants",
        () -> assertThatThrownBy(() -> taskService.complete(reviewTask, putValue("financialAnalysisNotes", "…")))
            .isInstanceOf(AuthorizationException.class));
    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis");
  }

  @Test
  void aDifficultCaseGoesToExpertDispatchAndThenOnToAPlan() {
    String businessId = newBusiness();
    ProcessInstance analysis = startAnalysis(businessId);
    completeFinancials(analysis, shopFigures());
    analyseAndFeedBack(analysis, putValue("analysisNextStep", "referral")
        .putValue("referralReason", "HACCP対応の設備投資を専門家と検討したい"));

    assertThat(analysis).isWaitingAt("ReferToSpecialist");
    ProcessInstance referral = calledProcessInstance(analysis);
    assertThat(referral).hasProcessDefinitionKey("specialist-referral").hasBusinessKey(businessId).variables()
        .containsEntry("referralBody", "専門家派遣").containsEntry("advisor", "ito")
        .containsEntry("referralReason", "HACCP対応の設備投資を専門家と検討したい");
    taskService.complete(task(referral).getId(), putValue("referralDate", "2025-06-20"));
    taskService.complete(task(referral).getId(), putValue("referralOutcomeDate", "2025-07-31")
        .putValue("referralOutcome", "resolved").putValue("referralOutcomeNotes", "診断士が設備計画を助言"));

    assertThat(analysis).isWaitingAt("DecideAfterReferral").variables()
        .containsEntry("referralBody", "専門家派遣").containsEntry("referralDate", "2025-06-20")
        .containsEntry("referralOutcome", "resolved").containsEntry("referralOutcomeNotes", "診断士が設備計画を助言");
    taskService.complete(task(analysis).getId(), putValue("afterReferral", "plan"));

    assertThat(analysis).isWaitingAt("StartBusinessPlan");
    assertThat(calledProcessInstance("business-plan", analysis)).hasBusinessKey(businessId);
  }

  @Test
  void aDifficultCaseMayEndAfterTheReferral() {
    ProcessInstance analysis = startAnalysis(newBusiness());
    completeFinancials(analysis, shopFigures());
    analyseAndFeedBack(analysis, putValue("analysisNextStep", "referral").putValue("referralReason", "事業承継の相談"));
    ProcessInstance referral = calledProcessInstance(analysis);
    taskService.complete(task(referral).getId(),
        putValue("referralBody", "北海道事業承継・引継ぎ支援センター").putValue("referralDate", "2025-06-20"));
    taskService.complete(task(referral).getId(),
        putValue("referralOutcomeDate", "2025-08-01").putValue("referralOutcome", "ongoing"));
    taskService.complete(task(analysis).getId(), putValue("afterReferral", "end"));

    assertThat(analysis).isEnded().hasPassed("AnalysisClosedAfterReferral").variables()
        .containsEntry("referralBody", "北海道事業承継・引継ぎ支援センター")
        .containsEntry("referralOutcome", "ongoing");
  }

  @Test
  void aBusinessTheRegistryDoesNotKnowIsRefusedAtTheStart() throws Exception {
    String unknown = "T-" + UUID.randomUUID();
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("management-analysis").latestVersion().singleResult().getId();
    Acting.as(identityService, "sato", "advisors",
        () -> assertThatThrownBy(() -> formService.submitStartForm(definitionId,
            putValue("businessId", unknown).putValue("entryRoute", "counter")))
            .isInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("事業者ID「" + unknown + "」は事業者台帳にありません"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(unknown).count()).isZero();
  }

  @Test
  void anAnalysisNeedsABusinessIdAndItMustMatchAGivenBusinessKey() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("management-analysis",
        putValue("advisor", "ito").putValue("businessName", "名無し")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("事業者ID");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("management-analysis", "T-A",
        putValue("advisor", "ito").putValue("businessId", "T-B")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("一致しません");

    ProcessInstance byKeyOnly = coverage.track(runtimeService.startProcessInstanceByKey("management-analysis",
        newBusiness(), putValue("advisor", "ito")));
    assertThat(byKeyOnly).variables().containsEntry("businessId", byKeyOnly.getBusinessKey());
  }
}
