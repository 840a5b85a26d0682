package jp.bansou.seminar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.CalendarEntry;
import jp.bansou.calendar.CalendarTimers;
import jp.bansou.calendar.TimerStarts;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class SeminarTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of(
      "seminar", "management-analysis-seminar", "business-plan-seminar", "dx-seminar");

  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  CalendarTimers timers;
  @Autowired
  BusinessRegistry registry;

  EngineClock clock;
  TimerStarts timerStarts;
  String a;
  String b;
  String c;

  @BeforeEach
  void setUp() {
    clock = new EngineClock(management);
    timerStarts = new TimerStarts(management, history, timers);
    String run = UUID.randomUUID().toString().substring(0, 8);
    a = "T-" + run + "-A";
    b = "T-" + run + "-B";
    c = "T-" + run + "-C";
    TestBusinesses.register(registry, a, "留萌食堂", "宿泊業、飲食サービス業", 3, "sato");
    TestBusinesses.register(registry, c, "黄金岬工務店", "建設業", 12, "sato");
  }

  @Test
  void seminarParticipantsWhoWantItBecomeManagementAnalysisCases() {
    clock.setTo(LocalDateTime.parse("2027-06-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    assertThat(seminar).hasBusinessKey("seminar-R9-management-analysis-202706").variables()
        .containsEntry("seminarName", "経営分析セミナー")
        .containsEntry("participantTarget", 20);

    holdSeminarOn("2027-07-10", seminar, year);
    complete(task(seminar), withVariables("participants", "X-1, 留萌食堂, 飲食, 三, 希望", "advisor", "sato"));

    assertThat(seminar).isWaitingAt("RecordParticipants");
    assertThat((String) runtime.getVariable(seminar.getId(), "participantsProblem")).contains("1行目: 従業員数「三」");

    complete(task(seminar), withVariables(
        "participants", a + "\t留萌食堂\t宿泊業、飲食サービス業\t3\t希望\n"
            + b + ", 港町商店, 卸売業、小売業, 5\n"
            + c + ", 黄金岬工務店, 建設業, 12, 希望",
        "advisor", "sato"));

    assertThat(seminar).isEnded().hasPassed("StartAnalysisCases", "AnalysisCasesStarted");
    assertThat(year).isEnded().hasPassed("ManagementAnalysisSeminarDone");
    assertThat(seminar).variables()
        .containsEntry("participantCount", 3)
        .containsEntry("targetMet", false)
        .containsEntry("analysisWishes", 2);
    ProcessInstance analysis = analysisOf(a);
    assertThat(analysis).isNotNull();
    assertThat(analysis).variables()
        .containsEntry("businessId", a)
        .containsEntry("businessName", "留萌食堂")
        .containsEntry("industry", "宿泊業、飲食サービス業")
        .containsEntry("employees", 3)
        .containsEntry("entryRoute", "seminar")
        .containsEntry("advisor", "sato");
    assertThat(analysisOf(c)).isNotNull();
    assertThat(analysisOf(b)).as("no wish, no case").isNull();
  }

  @Test
  void aSeminarTakesItsKeyAndFiscalYearFromTheDayItIsHeld() {
    // recorded on April 1 for a seminar held on March 31: it belongs to the year that ended (R8), not R9
    clock.setTo(LocalDateTime.parse("2027-04-01T09:00"));
    ProcessInstance late = calledProcessInstance(
        coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR)));
    planSeminarOn("2027-03-31", late);
    assertThat(late).hasBusinessKey("seminar-R8-management-analysis-20270331").variables()
        .containsEntry("fiscalYear", "R8");

    // two seminars started in one month, held on different days: two keys
    clock.setTo(LocalDateTime.parse("2027-04-20T09:00"));
    ProcessInstance first = calledProcessInstance(
        coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR)));
    ProcessInstance second = calledProcessInstance(
        coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR)));
    planSeminarOn("2027-06-10", first);
    planSeminarOn("2027-11-05", second);
    assertThat(first).hasBusinessKey("seminar-R9-management-analysis-20270610");
    assertThat(second).hasBusinessKey("seminar-R9-management-analysis-20271105");
  }

  @Test
  void anUnknownAdvisorIsSentBackToTheStaff() {
    clock.setTo(LocalDateTime.parse("2027-11-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    holdSeminarOn("2027-11-20", seminar, year);

    complete(task(seminar), withVariables("participants", a + ", 留萌食堂, 建設業, 3, 希望", "advisor", "suzuki"));

    assertThat(seminar).isWaitingAt("RecordParticipants");
    assertThat((String) runtime.getVariable(seminar.getId(), "participantsProblem"))
        .contains("担当経営指導員「suzuki」は経営指導員");
    assertThat(analysisOf(a)).isNull();
  }

  @Test
  void aParticipantWhoWantsAnAnalysisMustBeInTheRegistry() {
    clock.setTo(LocalDateTime.parse("2027-11-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    holdSeminarOn("2027-11-20", seminar, year);
    String unknown = "T-" + UUID.randomUUID();

    complete(task(seminar), withVariables("participants", unknown + ", 留萌新店, 建設業, 3, 希望", "advisor", "sato"));

    assertThat(seminar).isWaitingAt("RecordParticipants");
    assertThat((String) runtime.getVariable(seminar.getId(), "participantsProblem"))
        .contains("事業者ID「" + unknown + "」（留萌新店）は事業者台帳にありません");
    assertThat(analysisOf(unknown)).isNull();
  }

  @Test
  void aBusinessPlanSeminarWithoutWishesIsRecordedWithItsConsultationDay() {
    clock.setTo(LocalDateTime.parse("2027-09-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.BUSINESS_PLAN_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    assertThat(seminar).variables().containsEntry("participantTarget", null);
    complete(task(seminar), withVariables("lecturer", "中小企業診断士 山田", "heldOn", "2027-10-05",
        "venue", "留萌商工会議所 大会議室", "consultationDay", "2027-10-19"));
    complete(task(seminar), withVariables("applicants", 8, "announcedOnWebsite", true));
    clock.setTo(LocalDateTime.parse("2027-10-06T00:00"));
    clock.executeDueJobs(year.getId());

    complete(task(seminar), withVariables("participants", a + ", 留萌食堂, 建設業, 3", "advisor", "ito",
        "consultations", 4));

    assertThat(seminar).isEnded().hasPassed("SeminarRecorded").hasNotPassed("StartAnalysisCases");
    assertThat(seminar).variables().containsEntry("participantCount", 1).containsEntry("targetMet", null);
    assertThat(year).isEnded().hasPassed("BusinessPlanSeminarDone");
  }

  @Test
  void dxSeminarParticipantsWhoWantItGetADxFollowUpNotAnAnalysis() {
    clock.setTo(LocalDateTime.parse("2027-10-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.DX_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    assertThat(seminar).variables().containsEntry("participantTarget", 15);
    holdSeminarOn("2027-10-25", seminar, year);

    complete(task(seminar), withVariables("participants",
        a + ", 留萌食堂, 宿泊業、飲食サービス業, 3, 希望\n" + b + ", 港町商店, 卸売業、小売業, 5", "advisor", "ito"));

    assertThat(seminar).isEnded().hasPassed("StartDxFollowUps", "DxFollowUpsStarted");
    assertThat(seminar).variables()
        .containsEntry("dxFollowUpWishes", a)
        .containsEntry("dxWishes", 1)
        .containsEntry("analysisWishes", 0)
        .containsEntry("participantCount", 2);
    assertThat(analysisOf(a)).isNull();
    ProcessInstance dxFollowUp = runtime.createProcessInstanceQuery().processDefinitionKey("dx-follow-up")
        .processInstanceBusinessKey(a).singleResult();
    assertThat(dxFollowUp).isWaitingAt("SupportDx").variables()
        .containsEntry("businessId", a).containsEntry("businessName", "留萌食堂").containsEntry("advisor", "ito")
        .containsEntry("dxSeminar", "seminar-R9-dx-20271025");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dx-follow-up")
        .processInstanceBusinessKey(b).count()).isZero();
    assertThat(year).isEnded().hasPassed("DxSeminarDone");
  }

  @Test
  void aDxSeminarParticipantWhoWantsSupportMustBeInTheRegistryToo() {
    clock.setTo(LocalDateTime.parse("2028-10-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.DX_SEMINAR));
    ProcessInstance seminar = calledProcessInstance(year);
    holdSeminarOn("2028-10-25", seminar, year);
    String unknown = "T-" + UUID.randomUUID();

    complete(task(seminar), withVariables("participants", unknown + ", 留萌新店, 建設業, 3, 希望", "advisor", "ito"));

    assertThat(seminar).isWaitingAt("RecordParticipants");
    assertThat((String) runtime.getVariable(seminar.getId(), "participantsProblem"))
        .contains("事業者ID「" + unknown + "」（留萌新店）は事業者台帳にありません。DX支援を始める前に");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dx-follow-up")
        .processInstanceBusinessKey(unknown).count()).isZero();
  }

  private void planSeminarOn(String heldOn, ProcessInstance seminar) {
    assertThat(seminar).isWaitingAt("PlanSeminar");
    complete(task(seminar), withVariables("lecturer", "中小企業診断士 山田", "heldOn", heldOn, "venue", "留萌商工会議所"));
  }

  private void holdSeminarOn(String heldOn, ProcessInstance seminar, ProcessInstance year) {
    assertThat(seminar).isWaitingAt("PlanSeminar");
    complete(task(seminar), withVariables("lecturer", "中小企業診断士 山田", "heldOn", heldOn, "venue", "留萌商工会議所"));
    assertThat(seminar).isWaitingAt("RecruitParticipants");
    complete(task(seminar), withVariables("applicants", 22, "announcedOnWebsite", true, "flyersHanded", true));
    assertThat(seminar).isWaitingAt("SeminarDayPassed");
    clock.setTo(LocalDateTime.parse(heldOn + "T23:59"));
    clock.executeDueJobs(year.getId());
    assertThat(seminar).isWaitingAt("SeminarDayPassed");
    clock.setTo(LocalDate.parse(heldOn).plusDays(1).atStartOfDay());
    clock.executeDueJobs(year.getId());
    assertThat(seminar).isWaitingAt("RecordParticipants");
  }

  private ProcessInstance analysisOf(String businessId) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey("management-analysis")
        .processInstanceBusinessKey(businessId)
        .singleResult();
  }
}
