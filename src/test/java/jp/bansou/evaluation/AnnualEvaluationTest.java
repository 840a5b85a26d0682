package jp.bansou.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.bansou.calendar.CalendarEntry;
import jp.bansou.calendar.CalendarTimers;
import jp.bansou.calendar.FiscalYear;
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
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class AnnualEvaluationTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("annual-evaluation");

  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired CalendarTimers timers;
  @Autowired AnnualFigures figures;

  EngineClock clock;

  @BeforeEach
  void setUp() {
    clock = new EngineClock(management);
  }

  @Test
  void anEvaluationReturnedByTheBoardGoesBackForRevisionThenIsApprovedAndPublished() {
    clock.setTo(LocalDateTime.parse("2027-04-15T09:00"));
    ProcessInstance evaluation = coverage.track(
        new TimerStarts(management, history, timers).fire(CalendarEntry.ANNUAL_EVALUATION));

    assertThat(evaluation).hasBusinessKey("evaluation-R8")
        .hasVariables("finishedAnalyses", "publishedManagementTrendSurveys", "analysisSeminarParticipants");
    assertThat(evaluation).variables().containsEntry("fiscalYearName", "R8（2026年度）");
    assertThat(evaluation).isWaitingAt("SelfAssess");
    assertThat(task(evaluation)).hasCandidateGroup("advisors");
    complete(task(evaluation), withVariables(
        "quantitativeAssessment", "経営分析は目標60件に対し48件", "qualitativeAssessment", "セミナー経由の分析が増えた"));

    assertThat(evaluation).isWaitingAt("GradePlanItems");
    assertThat(task(evaluation)).hasCandidateGroup("managers");
    complete(task(evaluation), grades());

    assertThat(evaluation).isWaitingAt("DecideRevisions");
    assertThat(task(evaluation)).hasCandidateGroup("managers");
    complete(task(evaluation), withVariables("revisionPolicy", "セミナーを年3回にする"));
    assertThat(evaluation).isWaitingAt("RecordBoardDecision");
    complete(task(evaluation), withVariables("approvingBody", "standing-councillors", "boardHeldOn", "2027-06-10",
        "boardDecision", "returned", "boardComment", "予算の裏付けを示すこと"));

    assertThat(evaluation).isWaitingAt("DecideRevisions");
    complete(task(evaluation), withVariables("revisionPolicy", "セミナーを年3回にする（予算はセミナー等開催費800千円の範囲）"));
    complete(task(evaluation), withVariables("approvingBody", "standing-councillors", "boardHeldOn", "2027-07-08",
        "boardDecision", "approved"));

    assertThat(evaluation).isWaitingAt("PublishEvaluation");
    complete(task(evaluation), withVariables(
        "publicationUrl", "https://www.rumoi-cci.jp/keiei-hattatsu/R8", "publishedOn", "2027-07-20"));
    assertThat(evaluation).isEnded().hasPassed("EvaluationPublished");
  }

  @Test
  void theYearsFiguresCountPublishedSurveysAndSeminarsOfThatFiscalYearOnly() {
    FiscalYear year = FiscalYear.reiwa(21);
    YearFigures before = figures.figuresFor(year);

    publishResasAnalysisOn("2040-03-31");
    publishResasAnalysisOn("2040-04-01");
    holdAnalysisSeminarOn("2039-04-01", 2);

    YearFigures after = figures.figuresFor(year);
    assertThat(after.publishedResasAnalyses() - before.publishedResasAnalyses()).isEqualTo(1);
    assertThat(after.publishedManagementTrendSurveys()).isEqualTo(before.publishedManagementTrendSurveys());
    assertThat(after.analysisSeminarsHeld() - before.analysisSeminarsHeld()).isEqualTo(1);
    assertThat(after.analysisSeminarParticipants() - before.analysisSeminarParticipants()).isEqualTo(2);
  }

  private void publishResasAnalysisOn(String publishedOn) {
    clock.setTo(LocalDateTime.parse("2040-02-01T09:00"));
    ProcessInstance survey = runtime.startProcessInstanceByKey("regional-survey", Map.of("survey", "RESAS"));
    complete(task(survey), withVariables("analysisSummary", "観光の検索数が増えた"));
    complete(task(survey), withVariables("publicationUrl", "https://www.rumoi-cci.jp/resas", "publishedOn", publishedOn));
    complete(task(survey), withVariables("sharedOn", publishedOn, "handoverNote", "職員会議"));
    assertThat(survey).isEnded();
  }

  private void holdAnalysisSeminarOn(String heldOn, int participants) {
    clock.setTo(LocalDateTime.parse("2039-03-01T09:00"));
    ProcessInstance seminar = runtime.startProcessInstanceByKey("seminar", Map.of("seminarKind", "MANAGEMENT_ANALYSIS"));
    complete(task(seminar), withVariables("lecturer", "講師", "heldOn", heldOn, "venue", "会場"));
    complete(task(seminar), withVariables("applicants", participants));
    management.executeJob(management.createJobQuery().processInstanceId(seminar.getId()).singleResult().getId());
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < participants; i++) {
      list.append("T-").append(UUID.randomUUID()).append(", 事業者").append(i).append(", 建設業, 1\n");
    }
    complete(task(seminar), withVariables("participants", list.toString(), "advisor", "sato"));
    assertThat(seminar).isEnded();
  }

  private static Map<String, Object> grades() {
    Map<String, Object> grades = new HashMap<>();
    grades.put("committeeHeldOn", "2027-05-20");
    for (String item : new String[] {"EconomicSurveys", "DemandSurveys", "ManagementAnalysis", "BusinessPlans",
        "FollowUp", "NewDemand"}) {
      grades.put("grade" + item, "B");
      grades.put("comment" + item, "概ね計画どおり");
    }
    grades.put("gradeManagementAnalysis", "C");
    return grades;
  }
}
