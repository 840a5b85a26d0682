package jp.bansou.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.CalendarEntry;
import jp.bansou.calendar.CalendarTimers;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.TimerStarts;
import jp.bansou.kpi.KpiReport;
import jp.bansou.kpi.KpiReports;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.FreshFiscalYear;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@EngineTest
class AnnualEvaluationTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("annual-evaluation");

  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  CalendarTimers timers;
  @Autowired
  KpiReports reports;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  JdbcTemplate jdbc;

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
        .hasVariables("fiscalYear", "kpiFigures");
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
  void theEvaluationCarriesTheKpiReportOfTheYearThatEnded() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    publishResasAnalysisOn(LocalDateTime.of(y, 4, 1, 9, 0));
    publishResasAnalysisOn(LocalDateTime.of(y + 1, 3, 31, 18, 0));
    analysisFedBackAt(LocalDateTime.of(y, 10, 1, 10, 0));

    clock.setTo(LocalDateTime.of(y + 1, 4, 15, 9, 0));
    ProcessInstance evaluation = coverage.track(
        new TimerStarts(management, history, timers).fire(CalendarEntry.ANNUAL_EVALUATION));
    KpiReport report = reports.report(year);

    assertThat(evaluation).hasBusinessKey("evaluation-" + year.label());
    assertThat(evaluation).variables().containsEntry("fiscalYearName", year.displayName());
    SpinJsonNode figures = runtime.<JsonValue>getVariableTyped(evaluation.getId(), "kpiFigures").getValue();
    assertThat(figure(figures, "resas-analysis-published").prop("actual").numberValue().intValue()).isEqualTo(2);
    assertThat(figure(figures, "management-analyses").prop("actual").numberValue().intValue()).isEqualTo(1);
    assertThat(figures.elements()).hasSameSizeAs(report.rows());
    for (int i = 0; i < report.rows().size(); i++) {
      KpiReport.Row row = report.rows().get(i);
      SpinJsonNode attached = figures.elements().get(i);
      assertThat(attached.prop("id").stringValue()).isEqualTo(row.id());
      assertThat(attached.prop("label").stringValue()).as(row.id()).isEqualTo(row.label());
      assertThat(attached.prop("unit").stringValue()).as(row.id()).isEqualTo(row.unit());
      assertThat(attached.prop("mark").stringValue()).as(row.id()).isEqualTo(row.verdict());
      assertSameFigure(row.id() + " target", attached.prop("target"), row.target());
      assertSameFigure(row.id() + " actual", attached.prop("actual"), row.actual());
      assertSameFigure(row.id() + " achievement", attached.prop("achievementPercent"), row.achievementPercent());
    }
  }

  private void publishResasAnalysisOn(LocalDateTime japanTime) {
    clock.setTo(japanTime);
    ProcessInstance survey = runtime.createProcessInstanceByKey("regional-survey").businessKey("T-" + UUID.randomUUID())
        .setVariables(putValue("survey", "RESAS")).startBeforeActivity("PublishResults").execute();
    complete(task(survey), withVariables("publicationUrl", "https://www.rumoi-cci.example/resas",
        "publishedOn", japanTime.toLocalDate().toString(), "postedToLine", true, "postedToFacebook", false));
  }

  private void analysisFedBackAt(LocalDateTime japanTime) {
    clock.setTo(japanTime);
    ProcessInstance analysis = runtime.createProcessInstanceByKey("management-analysis")
        .businessKey(TestBusinesses.register(registry, "sato"))
        .setVariables(putValue("advisor", "sato").putValue("businessName", "留萌評価テスト商店")
            .putValue("industry", "小売業").putValue("employees", 3L).putValue("entryRoute", "seminar"))
        .startBeforeActivity("FeedBackResults").execute();
    complete(task(analysis), withVariables("feedbackDate", japanTime.toLocalDate().toString(),
        "feedbackNotes", "結果を説明した", "analysisNextStep", "end"));
  }

  private static SpinJsonNode figure(SpinJsonNode figures, String id) {
    return figures.elements().stream().filter(row -> row.prop("id").stringValue().equals(id)).findFirst().orElseThrow();
  }

  /** A JSON number read back may be 80 for 80.0: the figures are compared as decimals. */
  private static void assertSameFigure(String what, SpinJsonNode attached, BigDecimal expected) {
    if (expected == null) {
      assertThat(attached.isNull()).as(what + " is empty").isTrue();
    } else {
      assertThat(new BigDecimal(attached.numberValue().toString())).as(what).isEqualByComparingTo(expected);
    }
  }

  private static Map<String, Object> grades() {
    Map<String, Object> grades = new HashMap<>();
    grades.put("committeeHeldOn", "2027-05-20");
    for (String item : new String[]{"EconomicSurveys", "DemandSurveys", "ManagementAnalysis", "BusinessPlans",
        "FollowUp", "NewDemand"}) {
      grades.put("grade" + item, "B");
      grades.put("comment" + item, "概ね計画どおり");
    }
    grades.put("gradeManagementAnalysis", "C");
    return grades;
  }
}
