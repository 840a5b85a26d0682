package jp.bansou.casefile;

import jp.bansou.business.BusinessRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EngineTest
class CaseFileTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;

  /** A year of a fishery processor: an analysis with a referral, then a plan in follow-up with a visit due. */
  private String businessWithAYearOfSupport() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.parse("2025-05-12T10:00"));
    String id = TestBusinesses.register(registry, "sato");
    ProcessInstance analysis = runtime.startProcessInstanceByKey("management-analysis", id,
        putValue("advisor", "sato").putValue("entryRoute", "marukeiLoan"));
    tasks.complete(task(analysis).getId(), putValue("sales", 48000L).putValue("previousSales", 40000L)
        .putValue("costOfSales", 30000L).putValue("sellingAndAdministrativeExpenses", 15600L)
        .putValue("operatingProfit", 2400L).putValue("depreciation", 1600L).putValue("employees", 4L)
        .putValue("borrowings", 20000L).putValue("cashAndDeposits", 8000L).putValue("accountsReceivable", 6000L)
        .putValue("inventory", 3000L).putValue("accountsPayable", 5000L).putValue("netAssets", 9000L)
        .putValue("totalAssets", 36000L).putValue("fixedCosts", 12000L).putValue("variableCosts", 28800L));
    tasks.complete(task(analysis).getId(),
        putValue("financialAnalysisNotes", "借入が重い").putValue("correctFigures", false));
    tasks.complete(task(analysis).getId(), putValue("strengths", "加工技術").putValue("weaknesses", "人手不足")
        .putValue("opportunities", "道外販路").putValue("threats", "原料高").putValue("viewOwner", "意欲が高い")
        .putValue("viewBusiness", "年末集中").putValue("viewEnvironment", "道内卸")
        .putValue("viewInternalManagement", "外部委託"));
    tasks.complete(task(analysis).getId(), putValue("feedbackDate", "2025-06-10").putValue("feedbackNotes", "設備の相談")
        .putValue("analysisNextStep", "referral").putValue("referralReason", "HACCP対応の設備投資"));
    ProcessInstance referral = calledProcessInstance(analysis);
    tasks.complete(task(referral).getId(), putValue("referralDate", "2025-06-20"));
    tasks.complete(task(referral).getId(), putValue("referralOutcomeDate", "2025-07-31")
        .putValue("referralOutcome", "resolved").putValue("referralOutcomeNotes", "診断士が設備計画を助言"));
    tasks.complete(task(analysis).getId(), putValue("afterReferral", "plan"));
    ProcessInstance plan = calledProcessInstance("business-plan", analysis);
    tasks.complete(task(plan).getId(), putValue("planStartDate", "2025-08-01").putValue("planPeriodYears", 1L)
        .putValue("previousYearSales", 48000L).putValue("salesTargetYear1", 49440L)
        .putValue("planActions", "通年商品の開発").putValue("needsSpecialist", false).putValue("needsFinancing", false));
    tasks.complete(task(plan).getId(), putValue("planCompletedDate", "2025-07-31"));
    clock.executeDueJobs(analysis.getId());
    // the first quarterly visit falls due, and stays unrecorded past its due date
    clock.advance(Duration.ofDays(3 * 31 + 20));
    clock.executeDueJobs(analysis.getId());
    return id;
  }

  @Test
  void theCaseFileListsEveryTrackOfTheBusinessWithItsFiguresPlanReferralAndDueVisit() {
    String id = businessWithAYearOfSupport();

    ResponseEntity<Map> response = http.withBasicAuth("sato", "demo")
        .getForEntity("/api/businesses/{id}/case-file", Map.class, id);

    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    Map<String, Object> file = response.getBody();
    assertThat((Map<String, Object>) file.get("business")).containsEntry("id", id).containsEntry("advisor", "sato");
    List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
    List<String> tracksWithABusinessKey = List.of("management-analysis", "specialist-referral", "business-plan",
        "follow-up-visits");
    assertThat(cases).extracting(c -> c.get("process")).containsExactlyInAnyOrderElementsOf(tracksWithABusinessKey);
    assertThat(cases).allSatisfy(c -> {
      assertThat(c.get("fiscalYear")).isEqualTo("R7（2025年度）");
      assertThat((String) c.get("cockpitUrl"))
          .isEqualTo("/camunda/app/cockpit/default/#/bansou-history/" + c.get("id"));
    });
    assertThat(cases).filteredOn(c -> c.get("process").equals("specialist-referral")).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("stateName", "完了").containsEntry("calledByName", "経営分析")
            .containsEntry("outcome", "紹介の結果が記録された"));
    assertThat(cases).filteredOn(c -> c.get("process").equals("follow-up-visits")).singleElement()
        .satisfies(c -> assertThat((List<Map<String, Object>>) c.get("currentTasks"))
            .extracting(t -> t.get("name")).contains("巡回訪問を記録する"));

    List<Map<String, Object>> benchmarks = (List<Map<String, Object>>) file.get("benchmarks");
    assertThat(benchmarks).singleElement().satisfies(b -> assertThat((Map<String, Object>) b.get("figures"))
        .containsEntry("lbSalesGrowthText", "20.0%").containsEntry("lbBreakEvenSalesText", "30,000 千円"));
    assertThat((List<Map<String, Object>>) file.get("plans")).singleElement()
        .satisfies(p -> assertThat((Map<String, Object>) p.get("details"))
            .containsEntry("salesTargetYear1", 49440).containsEntry("planActions", "通年商品の開発"));
    assertThat((List<Map<String, Object>>) file.get("referrals")).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("body", "専門家派遣").containsEntry("outcome", "resolved")
        .containsEntry("outcomeNotes", "診断士が設備計画を助言"));
    assertThat((List<Map<String, Object>>) file.get("dueVisits")).singleElement()
        .satisfies(v -> assertThat(v).containsEntry("overdue", true).containsEntry("visitNumber", 1));
  }

  @Test
  void aStartupAndASuccessionAreListedWithTheirJapaneseTrackNamesVisitsAndReferral() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.parse("2025-04-14T10:00"));
    String founder = TestBusinesses.register(registry, "ito");
    ProcessInstance startup = runtime.startProcessInstanceByKey("startup", founder,
        putValue("advisor", "ito").putValue("entryRoute", "jfc"));
    tasks.complete(task(startup).getId(), putValue("consultationDate", "2025-04-14").putValue("businessIdea", "喫茶店")
        .putValue("founderConcerns", "開業資金").putValue("startupNextStep", "plan"));
    tasks.complete(task(startup).getId(),
        putValue("plannedFoundingDate", "2025-06-02").putValue("businessSummary", "喫茶店")
            .putValue("startupFunds", 9000L).putValue("ownFunds", 2000L).putValue("salesTargetYear1", 18000L)
            .putValue("planActions", "6月開業").putValue("needsFinancing", false).putValue("appliesForCityGrant", false));
    tasks.complete(task(startup).getId(),
        putValue("plannedFoundingDate", "2025-06-02").putValue("salesTargetYear1", 18000L)
            .putValue("planActions", "6月開業").putValue("startupPlanCompletedDate", "2025-05-23"));
    tasks.complete(task(startup).getId(), putValue("foundingStatus", "founded").putValue("foundingDate", "2025-06-02")
        .putValue("legalForm", "soleProprietor").putValue("employees", 1L));
    clock.executeDueJobs(startup.getId());
    clock.advance(Duration.ofDays(31));
    clock.executeDueJobs(startup.getId());

    String owner = TestBusinesses.register(registry, "ito");
    ProcessInstance succession = runtime.startProcessInstanceByKey("business-succession", owner,
        putValue("advisor", "ito").putValue("entryRoute", "survey"));
    tasks.complete(task(succession).getId(), putValue("hearingDate", "2025-05-15").putValue("ownerAge", 76L)
        .putValue("successorStatus", "none").putValue("successionTiming", "withinThreeYears")
        .putValue("ownerIntentions", "雇用を残したい"));
    tasks.complete(task(succession).getId(), putValue("successionMethod", "thirdParty")
        .putValue("plannedSuccessionDate", "2027-04-01").putValue("planActions", "譲渡先の探索")
        .putValue("needsSuccessionCentre", true).putValue("successionCentreRequest", "自社株式の評価")
        .putValue("needsFinancing", false));

    Map<String, Object> startupFile = http.withBasicAuth("ito", "demo")
        .getForObject("/api/businesses/{id}/case-file", Map.class, founder);
    List<Map<String, Object>> startupCases = (List<Map<String, Object>>) startupFile.get("cases");
    assertThat(startupCases).filteredOn(c -> c.get("process").equals("startup")).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("processName", "創業支援").containsEntry("stateName", "進行中");
      assertThat((Map<String, Object>) c.get("highlights")).containsEntry("foundingDate", "2025-06-02");
    });
    assertThat(startupCases).filteredOn(c -> c.get("process").equals("follow-up-visits")).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("calledByName", "創業支援"));
    assertThat((List<Map<String, Object>>) startupFile.get("dueVisits")).singleElement()
        .satisfies(v -> assertThat(v).containsEntry("track", "創業支援").containsEntry("visitNumber", 1));

    Map<String, Object> successionFile = http.withBasicAuth("ito", "demo")
        .getForObject("/api/businesses/{id}/case-file", Map.class, owner);
    assertThat((List<Map<String, Object>>) successionFile.get("cases")).extracting(c -> c.get("processName"))
        .containsExactlyInAnyOrder("事業承継支援", "専門機関への紹介");
    assertThat((List<Map<String, Object>>) successionFile.get("referrals")).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("referredFrom", "事業承継支援").containsEntry("body", "北海道事業承継・引継ぎ支援センター")
        .containsEntry("reason", "自社株式の評価"));
  }

  @Test
  void theCurrentTaskNamesItsAssigneeAsStaffKnowThem() {
    String id = TestBusinesses.register(registry, "ito");
    runtime.startProcessInstanceByKey("management-analysis", id,
        putValue("advisor", "ito").putValue("entryRoute", "visit"));

    Map<String, Object> file = http.withBasicAuth("sato", "demo")
        .getForEntity("/api/businesses/{id}/case-file", Map.class, id).getBody();

    List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
    assertThat((List<Map<String, Object>>) cases.get(0).get("currentTasks")).singleElement()
        .satisfies(task -> assertThat(task).containsEntry("assignee", "ito").containsEntry("assigneeName", "伊藤 花子"));
  }

  @Test
  void everyStaffMemberReadsAColleaguesCaseFileByDefault() {
    String id = TestBusinesses.register(registry, "sato");

    for (String reader : List.of("sato", "ito", "suzuki", "takahashi", "tanaka", "admin")) {
      assertThat(http.withBasicAuth(reader, "demo").getForEntity("/api/businesses/{id}/case-file", Map.class, id)
          .getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    assertThat(http.getForEntity("/api/businesses/{id}/case-file", Map.class, id).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("takahashi", "demo").getForEntity("/api/businesses/{id}/case-file", Map.class,
        "T-unknown-business").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anAdvisorFindsAColleaguesBusinessByDefault() {
    String others = TestBusinesses.register(registry, "ito");

    ResponseEntity<List> found = http.withBasicAuth("sato", "demo").getForEntity("/api/businesses?q={q}", List.class,
        others);
    assertThat((List<Map<String, Object>>) found.getBody()).extracting(b -> b.get("id")).containsExactly(others);
  }

  @Test
  void theCaseFilePageIsServedInJapanese() {
    ResponseEntity<String> page = http.getForEntity("/casefile/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<html lang=\"ja\">").contains("経営カルテ");
  }
}
