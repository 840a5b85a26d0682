package jp.bansou.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.variable.Variables.putValue;

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
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@EngineTest
class TradeFairTest {

  static final List<String> ADVICE = List.of(
      "AdviseOnPamphlet", "AdviseOnBooth", "AdviseOnDisplay", "AdviseOnProduct", "AdviseOnCustomerService");

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("trade-fair", "demand-survey");

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
  Fairs fairs;
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

  private ProcessInstance startAndApply(String fairId) {
    ProcessInstance fair = coverage.track(runtimeService.startProcessInstanceByKey("trade-fair",
        TestBusinesses.register(registry, "ito"), putValue("advisor", "ito")
            .putValue("productName", "味付け数の子")));
    assertThat(fair).isWaitingAt("ApplyForFair");
    taskService.complete(task(fair).getId(), putValue("fairId", fairId).putValue("applicationDate", "2027-06-01"));
    return fair;
  }

  private void adviseOn(ProcessInstance fair, String advice) {
    taskService.complete(task(advice, fair).getId(),
        putValue("adviceDate", "2027-07-15").putValue("adviceNotes", advice + "：試食を前面に"));
  }

  private ProcessInstance openTheFair(ProcessInstance fair) {
    ADVICE.forEach(advice -> adviseOn(fair, advice));
    assertThat(fair).isWaitingAt("FairOpens");
    clock.setTo(LocalDateTime.of(2027, 9, 13, 0, 0));
    clock.executeDueJobs(fair.getId());
    assertThat(fair).isWaitingAt("AccompanyAtFair", "RunDemandSurvey");
    return calledProcessInstance("demand-survey", fair);
  }

  private void surveyAndBrushUp(ProcessInstance fair, ProcessInstance survey, int respondents) {
    taskService.complete(task(survey).getId(), SurveyAnswers.of(respondents));
    assertThat(survey).isWaitingAt("FeedBackSurveyResults");
    taskService.complete(task(survey).getId(), putValue("surveyFeedbackDate", "2027-09-20")
        .putValue("brushUpPoints", "小分けパックと贈答箱を検討"));
    assertThat(fair).isWaitingAt("BrushUpProduct", "AccompanyAtFair");
    taskService.complete(task("BrushUpProduct", fair).getId(),
        putValue("brushUpDate", "2027-10-01").putValue("brushUpActions", "100g の小分けパックを試作"));
  }

  private void accompanyAndRecordSales(ProcessInstance fair, long sales) {
    taskService.complete(task("AccompanyAtFair", fair).getId(),
        putValue("accompanyingStaff", "伊藤 花子、鈴木 美咲").putValue("accompanyingDays", "9月13日〜15日"));
    taskService.complete(task("RecordFairSales", fair).getId(), putValue("fairSales", sales));
  }

  @Test
  void anAdvisorPicksAConfiguredFairAndItsDaysAndDeadlinesFollow() throws Exception {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("trade-fair").latestVersion().singleResult().getId();
    String businessId = TestBusinesses.register(registry, "sato");
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId)
            .putValue("productName", "味付け数の子")));
    ProcessInstance fair = coverage.track(started[0]);
    assertThat(fair).hasBusinessKey(businessId).isWaitingAt("ApplyForFair");
    assertThat(task(fair)).isAssignedTo("sato");

    String application = task(fair).getId();
    Acting.as(identityService, "sato", "advisors", () -> {
      JsonValue options = (JsonValue) formService.getTaskFormVariables(application).getValueTyped("fairOptions");
      // only the trade fairs, soonest first, with their next edition's days
      assertThat(options.getValueSerialized())
          .isEqualTo("[{\"label\":\"北の恵み食べマルシェ（旭川市 平和通買物公園ほか・2027年9月13日〜9月15日）\",\"value\":\"tabe-marche\"},"
              + "{\"label\":\"北海道まるごとフェア in サンシャインシティ（東京都豊島区 池袋サンシャインシティ・2027年10月9日〜10月14日）\",\"value\":\"marugoto-ikebukuro\"}]");
      taskService.complete(application,
          putValue("fairId", "marugoto-ikebukuro").putValue("applicationDate", "2027-06-01"));
    });

    assertThat(fair).isWaitingAt(ADVICE.toArray(String[]::new)).variables()
        .containsEntry("fairName", "北海道まるごとフェア in サンシャインシティ")
        .containsEntry("fairPlace", "東京都豊島区 池袋サンシャインシティ")
        .containsEntry("fairFirstDay", japan(2027, 10, 9)).containsEntry("fairLastDay", japan(2027, 10, 14))
        // two weeks before the first day is Saturday 2027-09-25: preparation is due on the Monday after
        .containsEntry("preparationDueDate", japan(2027, 9, 27)).containsEntry("resultsDueDate", japan(2027, 10, 21));
    for (String advice : ADVICE) {
      assertThat(task(advice, fair)).isAssignedTo("sato").hasDueDate(japan(2027, 9, 27));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCaseFileSaysWhyThePreparationFallsDueOnTheMondayAfter() {
    ProcessInstance fair = startAndApply("marugoto-ikebukuro");
    String businessId = runtimeService.createProcessInstanceQuery().processInstanceId(fair.getId()).singleResult()
        .getBusinessKey();

    Map<String, Object> file = http.withBasicAuth("ito", "demo")
        .getForObject("/api/businesses/{id}/case-file", Map.class, businessId);

    // two weeks before 10-09 is Saturday 09-25: every advice is due Monday 09-27, and the case file says why
    List<Map<String, Object>> current = (List<Map<String, Object>>) ((List<Map<String, Object>>) file.get("cases"))
        .get(0).get("currentTasks");
    assertThat(current).hasSize(ADVICE.size()).allSatisfy(task -> assertThat(task)
        .containsEntry("dueMoved", "土曜日のため翌営業日"));
    assertThat(task("AdviseOnBooth", fair).getDescription()).contains("期限: 2027/09/27（土曜日のため翌営業日）");
    runtimeService.deleteProcessInstance(fair.getId(), "test over");
  }

  @Test
  void aFairWhoseSalesReachTheTargetRunsFromAdviceToBrushUp() {
    ProcessInstance fair = startAndApply("tabe-marche");
    ProcessInstance survey = openTheFair(fair);
    assertThat(survey).hasBusinessKey(fair.getBusinessKey()).variables()
        .containsEntry("surveyKind", "fair").containsEntry("productName", "味付け数の子")
        .containsEntry("surveyOccasion", "北の恵み食べマルシェ（旭川市 平和通買物公園ほか・2027年9月13日〜9月15日）");

    surveyAndBrushUp(fair, survey, 50);
    accompanyAndRecordSales(fair, 182_000L);

    assertThat(survey).isEnded().hasNotPassed("ResponsesBelowTarget");
    assertThat(fair).isEnded().hasPassed("FairSalesTargetReached").hasNotPassed("RemindOfPreparation").variables()
        .containsEntry("pamphletAdvice", "AdviseOnPamphlet：試食を前面に")
        .containsEntry("customerServiceAdviceDate", "2027-07-15")
        .containsEntry("surveyResponses", 50L).containsEntry("surveyResponseTarget", 50)
        .containsEntry("surveyResponsesBelowTarget", false)
        .containsEntry("brushUpPoints", "小分けパックと贈答箱を検討")
        .containsEntry("fairSales", 182_000L).containsEntry("fairSalesTarget", 150_000L)
        .containsEntry("fairSalesTargetReached", true);
  }

  @Test
  void aSurveyBelowItsTargetIsFlaggedNotBlockedAndSalesBelowTargetAreRecordedAsMissed() {
    ProcessInstance fair = startAndApply("tabe-marche");
    ProcessInstance survey = openTheFair(fair);

    surveyAndBrushUp(fair, survey, 32);
    accompanyAndRecordSales(fair, 96_500L);

    assertThat(survey).isEnded().hasPassed("ResponsesBelowTarget", "FeedBackSurveyResults");
    assertThat(fair).isEnded().hasPassed("FairSalesTargetMissed").variables()
        .containsEntry("surveyResponses", 32L).containsEntry("surveyResponsesBelowTarget", true)
        .containsEntry("fairSales", 96_500L).containsEntry("fairSalesTargetReached", false);
  }

  @Test
  void preparationStillOpenAtItsDeadlineRemindsTheAdvisorUntilItIsDone() {
    ProcessInstance fair = startAndApply("tabe-marche");
    adviseOn(fair, "AdviseOnPamphlet");
    adviseOn(fair, "AdviseOnBooth");

    clock.setTo(LocalDateTime.of(2027, 8, 29, 23, 0));
    clock.executeDueJobs(fair.getId());
    assertThat(fair).isNotWaitingAt("RemindOfPreparation");

    clock.setTo(LocalDateTime.of(2027, 8, 30, 0, 0));
    clock.executeDueJobs(fair.getId());
    assertThat(fair).isWaitingAt("RemindOfPreparation", "AdviseOnDisplay", "AdviseOnProduct",
        "AdviseOnCustomerService");
    Task reminder = task("RemindOfPreparation", fair);
    assertThat(reminder).isAssignedTo("ito");
    assertThat(taskService.getIdentityLinksForTask(reminder.getId()))
        .anyMatch(link -> "managers".equals(link.getGroupId()));
    taskService.complete(reminder.getId(), putValue("plannedPreparationDate", "2027-09-03")
        .putValue("preparationReminderNotes", "陳列什器の手配待ち"));

    adviseOn(fair, "AdviseOnDisplay");
    assertThat(fair).isWaitingAt("AdviseOnProduct", "AdviseOnCustomerService").isNotWaitingAt("RemindOfPreparation");
  }

  @Test
  void finishingThePreparationClosesAReminderStillOpen() {
    ProcessInstance fair = startAndApply("tabe-marche");
    clock.setTo(LocalDateTime.of(2027, 8, 30, 9, 0));
    clock.executeDueJobs(fair.getId());
    assertThat(fair).isWaitingAt("RemindOfPreparation");

    ADVICE.forEach(advice -> adviseOn(fair, advice));

    assertThat(fair).isWaitingAt("FairOpens").hasPassed("PreparationDone");
    assertThat(taskQuery().processInstanceId(fair.getId()).count()).isZero();
  }

  @Test
  void aFairThatIsNotConfiguredOrASurveyThatDoesNotAddUpIsRefusedWithReasons() {
    ProcessInstance fair = coverage.track(runtimeService.startProcessInstanceByKey("trade-fair",
        TestBusinesses.register(registry, "ito"), putValue("advisor", "ito")
            .putValue("productName", "味付け数の子")));
    String application = task(fair).getId();
    assertThatThrownBy(() -> taskService.complete(application, putValue("fairId", "business-expo")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("出展する物産展を一覧から選んでください");
    assertThat(fair).isWaitingAt("ApplyForFair");

    taskService.complete(application, putValue("fairId", "tabe-marche"));
    ProcessInstance survey = openTheFair(fair);
    String record = task(survey).getId();
    // a count that is not a count is refused first, by the one number reader, before the tally is added up
    assertThatThrownBy(() -> taskService.complete(record, SurveyAnswers.of(50).putValue("lookPoor", -1)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("「改善が必要」にマイナスは入力できません。");
    assertThatThrownBy(() -> taskService.complete(record, SurveyAnswers.of(50).putValue("respondentsRumoi", 5)
        .putValue("priceGood", 60)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("回答者数が性別（50人）・年代（50人）・居住地（53人）で一致しません")
        .hasMessageContaining("価格の評価の人数（78人）が回答者数（50人）を超えています");
    assertThat(survey).isWaitingAt("RecordSurveyResponses");
  }

  @Test
  void aFairWhoseDaysHavePassedThisYearMeansNextYearsEdition() {
    clock.setTo(LocalDateTime.of(2026, 11, 24, 10, 0));
    assertThat(fairs.choices("business-meeting").getValue().toString())
        .isEqualTo("[{\"label\":\"北海道 ビジネスEXPO（札幌市 アクセスサッポロ・2027年11月6日〜11月7日）\",\"value\":\"business-expo\"}]");
    clock.setTo(LocalDateTime.of(2027, 11, 7, 18, 0));
    assertThat(fairs.choices("business-meeting").getValue().toString()).contains("2027年11月6日");
  }

  private static Date japan(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 0, 0).atZone(EngineClock.JAPAN).toInstant());
  }
}
