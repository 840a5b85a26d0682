package jp.bansou.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The auditors' history over REST, with the chamber's default sharing rule (HistorySharingTest: both settings). */
@EngineTest
@SuppressWarnings("unchecked")
class HistoryApiTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;

  static VariableMap figures(long sales) {
    return putValue("sales", sales).putValue("previousSales", 40000L).putValue("costOfSales", 30000L)
        .putValue("sellingAndAdministrativeExpenses", 15600L).putValue("operatingProfit", 2400L)
        .putValue("depreciation", 1600L).putValue("employees", 4L).putValue("borrowings", 20000L)
        .putValue("cashAndDeposits", 8000L).putValue("accountsReceivable", 6000L).putValue("inventory", 3000L)
        .putValue("accountsPayable", 5000L).putValue("netAssets", 9000L).putValue("totalAssets", 36000L)
        .putValue("fixedCosts", 12000L).putValue("variableCosts", 28800L);
  }

  private String register(String name, String kana, String advisor) {
    String id = "T-H-" + UUID.randomUUID().toString().substring(0, 8);
    registry.save(new Business(id, name, kana, LegalForm.CORPORATION, "製造業", 4, null, null, null, null, null,
        true, advisor));
    return id;
  }

  /**
   * An analysis as staff do it in Tasklist: sato enters sales of 48,000, finds them wrong on review, suzuki (an
   * assistant) corrects them to 52,000, sato analyses, feeds back and ends the case.
   */
  private ProcessInstance finishedAnalysis(String businessId) throws Exception {
    new EngineClock(management).setTo(LocalDateTime.parse("2025-05-12T10:00"));
    ProcessInstance analysis = runtime.startProcessInstanceByKey("management-analysis", businessId,
        putValue("advisor", "sato").putValue("entryRoute", "marukeiLoan"));
    String enter = task(analysis).getId();
    Acting.as(identity, "sato", "advisors", () -> tasks.complete(enter, figures(48000L)));
    String review = task(analysis).getId();
    Acting.as(identity, "sato", "advisors", () -> tasks.complete(review,
        putValue("financialAnalysisNotes", "売上高が決算書と違う").putValue("correctFigures", true)));
    String correct = task(analysis).getId();
    // the advisor hands the correction to the assistant: an assigned task is worked by its assignee
    Acting.as(identity, "sato", "advisors", () -> tasks.setAssignee(correct, "suzuki"));
    Acting.as(identity, "suzuki", "assistants", () -> tasks.complete(correct, figures(52000L)));
    String again = task(analysis).getId();
    Acting.as(identity, "sato", "advisors", () -> tasks.complete(again,
        putValue("financialAnalysisNotes", "確認済み").putValue("correctFigures", false)));
    String swot = task(analysis).getId();
    Acting.as(identity, "sato", "advisors", () -> tasks.complete(swot, putValue("strengths", "=加工技術")
        .putValue("weaknesses", "人手不足").putValue("opportunities", "道外販路").putValue("threats", "原料高")
        .putValue("viewOwner", "意欲が高い").putValue("viewBusiness", "年末集中").putValue("viewEnvironment", "道内卸")
        .putValue("viewInternalManagement", "外部委託")));
    String feedback = task(analysis).getId();
    Acting.as(identity, "sato", "advisors", () -> tasks.complete(feedback, putValue("feedbackDate", "2025-06-10")
        .putValue("feedbackNotes", "通年商品の開発を提案").putValue("analysisNextStep", "end")));
    return analysis;
  }

  @Test
  void anAuditorFindsAFinishedAnalysisByBusinessNameAndKana() throws Exception {
    String id = register("留萌履歴テスト水産", "ルモイリレキテストスイサン", "sato");
    ProcessInstance analysis = finishedAnalysis(id);

    for (String query : List.of("履歴テスト水産", "るもいりれきてすと", id)) {
      Map<String, Object> page = http.withBasicAuth("tanaka", "demo")
          .getForObject("/api/history/cases?q={q}&state=finished&fiscalYear=R7&track=management-analysis", Map.class,
              query);
      assertThat((List<Map<String, Object>>) page.get("cases")).as(query).singleElement().satisfies(c -> {
        assertThat(c).containsEntry("id", analysis.getId()).containsEntry("businessName", "留萌履歴テスト水産")
            .containsEntry("processName", "経営分析").containsEntry("stateName", "完了")
            .containsEntry("fiscalYear", "R7（2025年度）").containsEntry("advisorName", "佐藤 一郎")
            .containsEntry("started", "2025/05/12 10:00");
      });
    }
    // the analysis only: its closing lessons case (支援の振り返り) runs on for the same business
    Map<String, Object> running = http.withBasicAuth("tanaka", "demo")
        .getForObject("/api/history/cases?q={q}&state=running&track=management-analysis", Map.class, id);
    assertThat((Number) running.get("total")).isEqualTo(0);
    Map<String, Object> otherYear = http.withBasicAuth("tanaka", "demo")
        .getForObject("/api/history/cases?q={q}&fiscalYear=R8&track=management-analysis", Map.class, id);
    assertThat((Number) otherYear.get("total")).isEqualTo(0);
    Map<String, Object> inPeriod = http.withBasicAuth("tanaka", "demo")
        .getForObject("/api/history/cases?q={q}&from=2025/05/01&to=2025/05/31&advisor=sato&track=management-analysis",
            Map.class, id);
    assertThat((Number) inPeriod.get("total")).isEqualTo(1);
    // what staff type is looked for as typed: 「%」 and 「_」 are characters, not wildcards that find every case
    for (String wildcard : List.of("%", "_", "履歴_スト")) {
      Map<String, Object> none = http.withBasicAuth("tanaka", "demo")
          .getForObject("/api/history/cases?q={q}&track=management-analysis", Map.class, wildcard);
      assertThat((Number) none.get("total")).as(wildcard).isEqualTo(0);
    }
  }

  @Test
  void oneCaseShowsThePathWhoChangedTheSalesFromWhatToWhatAndTheOutcome() throws Exception {
    String id = register("留萌履歴テスト商店", null, "sato");
    ProcessInstance analysis = finishedAnalysis(id);

    ResponseEntity<Map> answer = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/history/cases/{id}", Map.class, analysis.getId());

    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    Map<String, Object> trail = answer.getBody();
    assertThat((Map<String, Object>) trail.get("summary")).containsEntry("businessName", "留萌履歴テスト商店")
        .containsEntry("stateName", "完了").containsEntry("outcome", "経営分析が完了した")
        .containsEntry("advisorName", "佐藤 一郎");
    assertThat((Map<String, Object>) trail.get("passed")).containsEntry("EnterFinancialFigures", 2)
        .containsEntry("ReviewFinancialAnalysis", 2).containsEntry("FeedBackResults", 1);
    assertThat((List<?>) trail.get("current")).isEmpty();
    List<Map<String, Object>> activities = (List<Map<String, Object>>) trail.get("activities");
    assertThat(activities).filteredOn(a -> a.get("activityId").equals("EnterFinancialFigures"))
        .extracting(a -> a.get("completedByName")).containsExactly("佐藤 一郎", "鈴木 美咲");
    List<Map<String, Object>> sales = ((List<Map<String, Object>>) trail.get("variableChanges")).stream()
        .filter(change -> change.get("variable").equals("sales")).toList();
    assertThat(sales).hasSize(2);
    assertThat(sales.get(0)).containsEntry("label", "売上高").containsEntry("oldValue", "")
        .containsEntry("newValue", "48,000").containsEntry("byName", "佐藤 一郎");
    assertThat(sales.get(1)).containsEntry("oldValue", "48,000").containsEntry("newValue", "52,000")
        .containsEntry("byName", "鈴木 美咲").containsEntry("task", "財務データを入力する")
        .containsEntry("time", "2025/05/12 10:00");
    assertThat((List<Map<String, Object>>) trail.get("variableChanges"))
        .filteredOn(change -> change.get("variable").equals("entryRoute")).singleElement()
        .satisfies(change -> assertThat(change).containsEntry("newValue", "マル経資金の相談"));
    // what Bansō itself sets is named in Japanese too, not by its variable name
    assertThat((List<Map<String, Object>>) trail.get("variableChanges"))
        .filteredOn(change -> List.of("taskBusiness", "figuresToCorrect").contains(change.get("variable")))
        .extracting(change -> change.get("label")).contains("タスクの事業者", "入力した数値を修正する")
        .doesNotContain("taskBusiness", "figuresToCorrect");
  }

  @Test
  void theChainLinksAnAnalysisWithThePlanItLedToBothWays() throws Exception {
    String id = register("留萌履歴テスト製菓", null, "sato");
    new EngineClock(management).setTo(LocalDateTime.parse("2025-05-12T10:00"));
    ProcessInstance analysis = runtime.startProcessInstanceByKey("management-analysis", id,
        putValue("advisor", "sato").putValue("entryRoute", "marukeiLoan"));
    tasks.complete(task(analysis).getId(), figures(48000L));
    tasks.complete(task(analysis).getId(), putValue("financialAnalysisNotes", "-").putValue("correctFigures", false));
    tasks.complete(task(analysis).getId(), putValue("strengths", "a").putValue("weaknesses", "b")
        .putValue("opportunities", "c").putValue("threats", "d").putValue("viewOwner", "e")
        .putValue("viewBusiness", "f")
        .putValue("viewEnvironment", "g").putValue("viewInternalManagement", "h"));
    tasks.complete(task(analysis).getId(), putValue("feedbackDate", "2025-06-10").putValue("feedbackNotes", "計画へ")
        .putValue("analysisNextStep", "plan"));
    ProcessInstance plan = calledProcessInstance("business-plan", analysis);

    Map<String, Object> fromPlan = http.withBasicAuth("takahashi", "demo")
        .getForObject("/api/history/cases/{id}", Map.class, plan.getId());
    List<Map<String, Object>> chain = (List<Map<String, Object>>) fromPlan.get("chain");
    assertThat(chain).extracting(c -> c.get("processName")).startsWith("経営分析", "事業計画策定");
    assertThat(chain.get(0)).containsEntry("id", analysis.getId()).containsEntry("depth", 0).containsEntry("self",
        false);
    assertThat(chain.get(1)).containsEntry("id", plan.getId()).containsEntry("depth", 1).containsEntry("self", true);
    assertThat((List<String>) fromPlan.get("current")).contains("DraftBusinessPlan");

    Map<String, Object> fromAnalysis = http.withBasicAuth("takahashi", "demo")
        .getForObject("/api/history/cases/{id}", Map.class, analysis.getId());
    assertThat((List<Map<String, Object>>) fromAnalysis.get("chain")).extracting(c -> c.get("id"))
        .contains(plan.getId());
    assertThat((List<Map<String, Object>>) fromAnalysis.get("activities"))
        .filteredOn(a -> plan.getId().equals(a.get("calledCaseId"))).hasSize(1);
  }

  @Test
  void theTrailExportsAsCsvForExcelWithJapaneseHeadersAndNoFormulas() throws Exception {
    String id = register("留萌履歴テスト食品", null, "sato");
    ProcessInstance analysis = finishedAnalysis(id);

    ResponseEntity<byte[]> csv = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/history/cases/{id}/trail.csv", byte[].class, analysis.getId());

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
    byte[] body = csv.getBody();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(body, StandardCharsets.UTF_8).substring(1);
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(text).doesNotContain("\r\n\n").endsWith("\r\n");
    assertThat(lines.get(0)).startsWith("\"日時\",\"終了日時\",\"区分\",\"内容\",\"担当者\",\"実行者\",\"変更前\",\"変更後\"");
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .contains("\"項目の変更\",\"売上高\",\"\",\"鈴木 美咲\",\"48,000\",\"52,000\""));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"案件の終了\",\"経営分析が完了した\""));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"'=加工技術\""));
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(",\"=", ",\"+", ",\"-", ",\"@"));

    ResponseEntity<byte[]> business = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/history/businesses/{id}/trail.csv", byte[].class, id);
    assertThat(new String(business.getBody(), StandardCharsets.UTF_8)).contains("留萌履歴テスト食品", "経営分析");
    ResponseEntity<byte[]> english = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/history/cases/{id}/trail.csv?lang=en-US", byte[].class, analysis.getId());
    assertThat(new String(english.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFF\"Time\",\"Ended\"");
  }

  @Test
  void anonymousCallersGet401AndUnknownCasesAnswerInJapanese() {
    assertThat(http.getForEntity("/api/history/cases", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/history/cases/x", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/history/cases/x/trail.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<Map> unknown = http.withBasicAuth("tanaka", "demo").getForEntity("/api/history/cases/x", Map.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat((String) unknown.getBody().get("message")).contains("履歴にありません");
    ResponseEntity<Map> badYear = http.withBasicAuth("tanaka", "demo")
        .getForEntity("/api/history/cases?fiscalYear=来年", Map.class);
    assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) badYear.getBody().get("message")).contains("R7");
  }

  @Test
  void auditorsAndManagersAreToldTheyChangeNoCaseAdminsAreNot() {
    for (String reader : List.of("tanaka", "takahashi")) {
      assertThat(http.withBasicAuth(reader, "demo").getForObject("/api/history/choices", Map.class)).as(reader)
          .containsEntry("readOnly", true);
    }
    assertThat(http.withBasicAuth("admin", "demo").getForObject("/api/history/choices", Map.class))
        .containsEntry("readOnly", false);
  }
}
