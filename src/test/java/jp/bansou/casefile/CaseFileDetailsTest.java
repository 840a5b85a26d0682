package jp.bansou.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The case file as the place to start from: advisor by name, tracks to start, the next visit, the findings. */
@EngineTest
@SuppressWarnings({"unchecked", "rawtypes"})
class CaseFileDetailsTest {

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

  @Test
  void theCaseFileNamesTheAdvisorOffersTheTracksToStartShowsTheNextVisitAndWhatTheAnalysisFound() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.parse("2025-05-12T10:00"));
    String id = TestBusinesses.register(registry, "sato");
    ProcessInstance analysis = runtime.startProcessInstanceByKey("management-analysis", id,
        putValue("advisor", "sato").putValue("entryRoute", "visit"));
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
        .putValue("analysisNextStep", "plan"));
    ProcessInstance plan = calledProcessInstance("business-plan", analysis);
    tasks.complete(task(plan).getId(), putValue("planStartDate", "2025-08-01").putValue("planPeriodYears", 1L)
        .putValue("previousYearSales", 48000L).putValue("salesTargetYear1", 49440L)
        .putValue("planActions", "通年商品の開発").putValue("needsSpecialist", false).putValue("needsFinancing", false));
    tasks.complete(task(plan).getId(), putValue("planCompletedDate", "2025-07-31"));
    // the follow-up starts asynchronously after the plan
    clock.executeDueJobs(analysis.getId());

    ResponseEntity<Map> response = http.withBasicAuth("sato", "demo")
        .getForEntity("/api/businesses/{id}/case-file/details", Map.class, id);

    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    Map<String, Object> details = response.getBody();
    assertThat(details).containsEntry("advisorName", "佐藤 一郎");
    assertThat((List<Map<String, Object>>) details.get("startableTracks"))
        .extracting(track -> track.get("key")).contains("management-analysis", "demand-survey", "startup")
        .doesNotContain("follow-up-visits", "specialist-referral", "annual-evaluation");
    assertThat((List<Map<String, Object>>) details.get("startableTracks"))
        .filteredOn(track -> track.get("key").equals("demand-survey")).singleElement()
        .satisfies(track -> assertThat(track).containsEntry("tasklistUrl",
            "/camunda/app/tasklist/default/#/?processStart=demand-survey&businessId=" + id));
    assertThat((List<Map<String, Object>>) details.get("plannedVisits")).singleElement().satisfies(visit -> {
      assertThat(visit).containsEntry("visitNumber", 1).containsEntry("visitCount", 4)
          .containsEntry("track", "事業計画策定");
      assertThat((String) visit.get("planned")).startsWith("2025-08");
    });
    assertThat((List<Map<String, Object>>) details.get("findings")).singleElement()
        .satisfies(found -> assertThat((Map<String, Object>) found.get("values"))
            .containsEntry("financialAnalysisNotes", "借入が重い").containsEntry("strengths", "加工技術")
            .containsEntry("viewInternalManagement", "外部委託").containsEntry("feedbackNotes", "設備の相談"));
  }

  @Test
  void aColleaguesBusinessIsReadAsThePlanSharesWhatStaffKnowAndAnonymousCallersAreRefused() {
    String id = TestBusinesses.register(registry, "ito");

    // plan §10⑤ and the default sharing rule (bansou.sharing.read: all-staff): anyone continues a colleague's case
    ResponseEntity<Map> response = http.withBasicAuth("sato", "demo")
        .getForEntity("/api/businesses/{id}/case-file/details", Map.class, id);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(http.getForEntity("/api/businesses/{id}/case-file/details", Map.class, id).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
