package jp.bansou.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The server reads every figure of a form with the one number reader whichever door it came through (here
 * /engine-rest and the Java API that /api uses): stored as the number meant, or refused in Japanese with 400 and
 * nothing stored.
 */
@EngineTest
class FiguresOnEntryTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  TestRestTemplate http;

  private ProcessInstance analysisWaitingForFigures() {
    ProcessInstance analysis = runtimeService.startProcessInstanceByKey("management-analysis",
        TestBusinesses.register(registry, "sato"), putValue("advisor", "sato").putValue("entryRoute", "marukeiLoan"));
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");
    return analysis;
  }

  /** The financial form's figures as a person typed them in Tasklist: text, in thousand yen. */
  private static Map<String, Object> typed(String sales) {
    Map<String, Object> figures = new HashMap<>();
    figures.put("sales", sales);
    figures.put("previousSales", "６０，０００");
    figures.put("costOfSales", " 39,800 ");
    figures.put("sellingAndAdministrativeExpenses", "１８６００");
    figures.put("operatingProfit", "3,600");
    figures.put("depreciation", "1,000");
    figures.put("employees", "１２");
    figures.put("borrowings", "15,000");
    figures.put("cashAndDeposits", "8,000");
    figures.put("accountsReceivable", "6,000");
    figures.put("inventory", "3,000");
    figures.put("accountsPayable", "5,000");
    figures.put("netAssets", "△2,000");
    figures.put("totalAssets", "36,000");
    figures.put("fixedCosts", "12,000");
    figures.put("variableCosts", "28,800");
    return figures;
  }

  private ResponseEntity<String> completeOverRest(String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof String ? "String" : value instanceof Double ? "Double" : "Long")));
    return http.withBasicAuth("sato", "demo").postForEntity(
        "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), String.class);
  }

  @Test
  void figuresTypedWithCommasFullWidthDigitsAndSpacesAreStoredAsTheNumbersMeant() {
    ProcessInstance analysis = analysisWaitingForFigures();

    ResponseEntity<String> response = completeOverRest(task(analysis).getId(), typed("62,000"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis");
    assertThat(analysis).variables().containsEntry("sales", 62000L).containsEntry("previousSales", 60000L)
        .containsEntry("costOfSales", 39800L).containsEntry("sellingAndAdministrativeExpenses", 18600L)
        .containsEntry("employees", 12L).containsEntry("netAssets", -2000L)
        .containsEntry("lbOperatingMarginText", "5.8%");
  }

  @Test
  void aFigureThatIsNotANumberIsRefusedInJapaneseAndNothingIsStored() {
    ProcessInstance analysis = analysisWaitingForFigures();
    Map<String, Object> figures = typed("６２千");
    figures.put("employees", "-3");

    ResponseEntity<String> response = completeOverRest(task(analysis).getId(), figures);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody())
        .contains("「売上高」は数字で入力してください。全角・半角の数字とカンマが使えます（例: 62,000 または ６２，０００）。")
        .contains("「従業員数（正社員、人）」にマイナスは入力できません。");
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");
    assertThat(runtimeService.getVariable(analysis.getId(), "costOfSales")).as("nothing of the refused form").isNull();
  }

  @Test
  void aRefusalIsABadRequestWhoseMessageIsOnlyTheJapaneseText() {
    ProcessInstance analysis = analysisWaitingForFigures();
    assertThatThrownBy(() -> taskService.complete(task(analysis).getId(), new HashMap<>(typed("abc"))))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessage("「売上高」は数字で入力してください。全角・半角の数字とカンマが使えます（例: 62,000 または ６２，０００）。");
  }

  @Test
  void figuresThatContradictEachOtherAreRefused() {
    ProcessInstance analysis = analysisWaitingForFigures();
    Map<String, Object> figures = typed("3,000");
    figures.put("previousSales", "3,000");
    figures.put("costOfSales", "3,500");
    figures.put("netAssets", "40,000");

    assertThatThrownBy(() -> taskService.complete(task(analysis).getId(), figures))
        .isInstanceOf(FigureRefusal.class)
        .hasMessageContaining("「売上原価」（3,500）が「売上高」（3,000）を超えています。「売上原価」は「売上高」以下の数字で入力してください。")
        .hasMessageContaining("「営業利益」（3,600）が「売上高」（3,000）を超えています。")
        .hasMessageContaining("「純資産」（40,000）が「総資産」（36,000）を超えています。");
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");
  }

  @Test
  void implausibleResultsGoOnOnlyWithAConfirmedReasonThatHistoryKeeps() {
    ProcessInstance analysis = analysisWaitingForFigures();
    // 62 typed for 62,000: growth −99.9 %, margin 5,806.5 % — the case seen in Tasklist
    Map<String, Object> figures = typed("62");
    figures.put("previousSales", "62,000");
    figures.put("costOfSales", "40");
    figures.put("operatingProfit", "-3,600");
    String taskId = task(analysis).getId();

    ResponseEntity<String> refused = completeOverRest(taskId, figures);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("売上増加率が -99.9% になります（前期の売上高 62,000 → 売上高 62）。")
        .contains("営業利益率が -5,806.5% になります").contains("「数字が正しい理由」に理由を書いて");
    assertThat(analysis).isWaitingAt("EnterFinancialFigures");

    figures.put(ImplausibleFigures.REASON, "工場の火災で休業したため");
    assertThat(completeOverRest(taskId, figures).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(analysis).isWaitingAt("ReviewFinancialAnalysis");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(analysis.getId())
        .variableName(ImplausibleFigures.WARNING).singleResult().getValue().toString())
        .startsWith("売上増加率が -99.9% になります");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(analysis.getId())
        .variableName(ImplausibleFigures.REASON).singleResult().getValue()).isEqualTo("工場の火災で休業したため");
  }

  @Test
  void aCaseStartedWithAFigureThatIsNotANumberIsRefused() {
    String businessId = TestBusinesses.register(registry, "sato");
    VariableMap start = putValue("advisor", "sato").putValue("previousYearSales", "２万");

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("dx-follow-up", businessId, start))
        .isInstanceOf(FigureRefusal.class).hasMessageStartingWith("「支援前の年間売上高（前年度）」は数字で入力してください。");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessId).count()).isZero();

    ProcessInstance dx = runtimeService.startProcessInstanceByKey("dx-follow-up", businessId,
        putValue("advisor", "sato").putValue("previousYearSales", "２０，０００"));
    assertThat(dx).variables().containsEntry("previousYearSales", 20000L);
  }

  @Test
  void aDaySentAsADateIsStoredAsTheFormsDay() {
    ProcessInstance analysis = analysisWaitingForFigures();
    taskService.complete(task(analysis).getId(), new HashMap<>(typed("62,000")));
    taskService.complete(task(analysis).getId(), putValue("financialAnalysisNotes", "確認済み"));
    taskService.complete(task(analysis).getId(), putValue("strengths", "技術").putValue("weaknesses", "人手")
        .putValue("opportunities", "需要").putValue("threats", "価格").putValue("viewOwner", "意欲")
        .putValue("viewBusiness", "季節性").putValue("viewEnvironment", "道内").putValue("viewInternalManagement", "外部委託"));
    assertThat(analysis).isWaitingAt("FeedBackResults");
    Date june10 = Date.from(LocalDate.of(2025, 6, 10).atStartOfDay(ZoneId.systemDefault()).toInstant());

    taskService.complete(task(analysis).getId(), putValue("feedbackDate", june10).putValue("feedbackNotes", "提案")
        .putValue("analysisNextStep", "end"));

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(analysis.getId())
        .variableName("feedbackDate").singleResult().getValue()).isEqualTo("2025-06-10");
  }
}
