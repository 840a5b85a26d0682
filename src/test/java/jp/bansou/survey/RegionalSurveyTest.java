package jp.bansou.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDateTime;
import jp.bansou.calendar.CalendarEntry;
import jp.bansou.calendar.CalendarTimers;
import jp.bansou.calendar.TimerStarts;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class RegionalSurveyTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("regional-survey", "management-trend-survey",
      "employment-trend-survey", "public-servant-survey", "resas-analysis");

  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  CalendarTimers timers;

  EngineClock clock;
  TimerStarts timerStarts;

  @BeforeEach
  void setUp() {
    clock = new EngineClock(management);
    timerStarts = new TimerStarts(management, history, timers);
  }

  @Test
  void aManagementTrendSurveyIsMailedInAugustCollectedPublishedAndHandedToAdvisors() {
    clock.setTo(LocalDateTime.parse("2026-08-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_TREND_SURVEY));
    ProcessInstance survey = calledProcessInstance(year);

    assertThat(survey).hasBusinessKey("survey-R8-management-trend")
        .hasVariables("surveyName", "recipientGroup", "plannedRecipients", "expectedReturnRate");
    assertThat(survey).variables()
        .containsEntry("surveyName", "経営動向調査")
        .containsEntry("fiscalYear", "R8")
        .containsEntry("plannedRecipients", 600)
        .containsEntry("expectedReturnRate", 0.30)
        .containsEntry("collectionDeadline", "2026-08-31");
    assertThat(survey).isWaitingAt("DispatchQuestionnaires");
    assertThat(task(survey)).hasCandidateGroup("advisors").hasCandidateGroup("assistants");
    complete(task(survey), withVariables("sentCount", 600, "sentOn", "2026-08-03", "collectionDeadline", "2026-08-31"));

    clock.setTo(LocalDateTime.parse("2026-08-31T23:00"));
    clock.executeDueJobs(year.getId());
    assertThat(survey).isWaitingAt("CollectionDeadlineReached");
    clock.advance(Duration.ofHours(1));
    clock.executeDueJobs(year.getId());

    assertThat(survey).isWaitingAt("RecordReturns");
    complete(task(survey), withVariables("returnedCount", 192));
    assertThat(survey).variables().containsEntry("responseRate", 0.32).containsEntry("lowResponseRate", false);

    publishAndHandOver(survey);

    assertThat(survey).isEnded().hasPassed("AnalyseResults", "PublishResults", "ShareWithAdvisors", "SurveyPublished");
    assertThat(year).isEnded().hasPassed("ManagementTrendSurveyDone");
    assertThat(
        history.createHistoricVariableInstanceQuery().processInstanceId(survey.getId()).variableName("publishedOn")
            .singleResult().getValue())
        .isEqualTo("2026-10-15");
  }

  @Test
  void aLowResponseRateIsFlaggedToTheManagersWhoMayCollectLonger() {
    clock.setTo(LocalDateTime.parse("2026-11-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.EMPLOYMENT_TREND_SURVEY));
    ProcessInstance survey = calledProcessInstance(year);
    assertThat(survey).variables().containsEntry("surveyName", "雇用動向調査").containsEntry("plannedRecipients", 300);
    complete(task(survey), withVariables("sentCount", 300, "sentOn", "2026-11-02", "collectionDeadline", "2026-11-30"));
    clock.setTo(LocalDateTime.parse("2026-12-01T00:00"));
    clock.executeDueJobs(year.getId());

    complete(task(survey), withVariables("returnedCount", 60));

    assertThat(survey).variables().containsEntry("responseRate", 0.2).containsEntry("lowResponseRate", true);
    assertThat(survey).isWaitingAt("ReviewLowResponse");
    assertThat(task(survey)).hasCandidateGroup("managers");

    complete(task(survey), withVariables(
        "continueCollection", true, "collectionDeadline", "2026-12-15", "lowResponseNote", "電話で督促する"));
    assertThat(survey).isWaitingAt("CollectionDeadlineReached");
    clock.setTo(LocalDateTime.parse("2026-12-16T00:00"));
    clock.executeDueJobs(year.getId());
    complete(task(survey), withVariables("returnedCount", 95));

    assertThat(survey).variables().containsEntry("lowResponseRate", false);
    assertThat(survey).isWaitingAt("AnalyseResults");
    publishAndHandOver(survey);
    assertThat(year).isEnded();
  }

  @Test
  void theManagersMayAnalyseALowReturnAsItIs() {
    clock.setTo(LocalDateTime.parse("2027-09-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.PUBLIC_SERVANT_SURVEY));
    ProcessInstance survey = calledProcessInstance(year);
    complete(task(survey), withVariables("sentCount", 500, "sentOn", "2027-09-02", "collectionDeadline", "2027-09-30"));
    clock.setTo(LocalDateTime.parse("2027-10-01T00:00"));
    clock.executeDueJobs(year.getId());
    complete(task(survey), withVariables("returnedCount", 250));
    assertThat(survey).isWaitingAt("ReviewLowResponse");

    complete(task(survey), withVariables("continueCollection", false, "lowResponseNote", "演習期間のため回収を締め切る"));

    assertThat(survey).hasPassed("ContinueCollection").isWaitingAt("AnalyseResults");
    publishAndHandOver(survey);
    assertThat(year).isEnded().hasPassed("PublicServantSurveyDone");
  }

  @Test
  void moreReturnsThanQuestionnairesSentGoBackToTheStaffWithTheReason() {
    clock.setTo(LocalDateTime.parse("2026-08-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.MANAGEMENT_TREND_SURVEY));
    ProcessInstance survey = calledProcessInstance(year);
    complete(task(survey), withVariables("sentCount", 600, "sentOn", "2026-08-03", "collectionDeadline", "2026-08-31"));
    clock.setTo(LocalDateTime.parse("2026-09-01T00:00"));
    clock.executeDueJobs(year.getId());

    complete(task(survey), withVariables("returnedCount", 601));

    assertThat(survey).isWaitingAt("RecordReturns").hasNotPassed("IsResponseLow");
    assertThat((String) runtime.getVariable(survey.getId(), "returnsProblem")).contains("発送数（600件）を超えています");
    complete(task(survey), withVariables("returnedCount", 200));
    assertThat(survey).isWaitingAt("AnalyseResults").variables().containsEntry("returnsProblem", null);
  }

  @Test
  void theResasAnalysisHasNoQuestionnaireAndGoesStraightToAnalysis() {
    clock.setTo(LocalDateTime.parse("2027-02-01T09:00"));
    ProcessInstance year = coverage.track(timerStarts.fire(CalendarEntry.RESAS_ANALYSIS));
    ProcessInstance survey = calledProcessInstance(year);

    assertThat(survey).hasBusinessKey("survey-R8-resas").isWaitingAt("AnalyseResults");
    assertThat(task(survey)).hasCandidateGroup("advisors");
    publishAndHandOver(survey);
    assertThat(survey).hasNotPassed("DispatchQuestionnaires");
    assertThat(year).isEnded().hasPassed("ResasAnalysisDone");
  }

  @ParameterizedTest(name = "{0} surveys {1} ({2} staff)")
  @CsvSource({
      "R7, 2025, 北海道留萌振興局, 300",
      "R8, 2026, 国土交通省留萌開発建設部, 180",
      "R9, 2027, 陸上自衛隊留萌駐屯地, 500",
      "R10, 2028, 北海道留萌振興局, 300",
      "R11, 2029, 国土交通省留萌開発建設部, 180",
  })
  void thePublicServantSurveyGoesToThisYearsAgency(String reiwa, int year, String agency, int staff) {
    clock.setTo(LocalDateTime.of(year, 9, 1, 9, 0));

    ProcessInstance survey = calledProcessInstance(
        coverage.track(timerStarts.fire(CalendarEntry.PUBLIC_SERVANT_SURVEY)));

    assertThat(survey).variables()
        .containsEntry("fiscalYear", reiwa)
        .containsEntry("recipientGroup", agency)
        .containsEntry("plannedRecipients", staff)
        .containsEntry("expectedReturnRate", 0.70);
  }

  @Test
  void aYearOutsideTheAgencyTableLeavesTheAgencyToTheStaff() {
    clock.setTo(LocalDateTime.parse("2030-09-01T09:00"));

    ProcessInstance survey = calledProcessInstance(
        coverage.track(timerStarts.fire(CalendarEntry.PUBLIC_SERVANT_SURVEY)));

    assertThat(survey).variables().containsEntry("fiscalYear", "R12").containsEntry("recipientGroup", null);
    assertThat(survey).isWaitingAt("DispatchQuestionnaires");
  }

  private void publishAndHandOver(ProcessInstance survey) {
    assertThat(survey).isWaitingAt("AnalyseResults");
    complete(task(survey), withVariables("analysisSummary", "建設業で原材料高騰の影響が大きい"));
    assertThat(survey).isWaitingAt("PublishResults");
    complete(task(survey), withVariables("publicationUrl", "https://www.rumoi-cci.jp/survey/2026",
        "publishedOn", "2026-10-15", "postedToLine", true, "postedToFacebook", true));
    assertThat(survey).isWaitingAt("ShareWithAdvisors");
    complete(task(survey), withVariables("sharedOn", "2026-10-16", "handoverNote", "職員会議で説明した"));
  }
}
