package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start's check of the KPI measures against the deployed models, and when a restart may skip it: only
 * when neither the measures nor the deployments changed since it last passed.
 */
@EngineTest
class MeasuredActivitiesTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  @Autowired
  HistoryMeasures measures;
  @Autowired
  KpiCounts counts;

  @Test
  void aMeasureNamingAnActivityItsModelDoesNotHaveStopsTheStart() {
    assertThatThrownBy(() -> new KpiReports(analysesCountedAt("FeedbackResult"), new BigDecimal("0.5"), measures,
        counts, repository))
        .isInstanceOf(PlanTargets.InvalidTargetsException.class)
        .hasMessageContaining("'analyses'").hasMessageContaining("FeedbackResult");
  }

  @Test
  void aPassedCheckIsRememberedForTheNextStart() {
    PlanTargets targets = analysesCountedAt("FeedBackResults");

    MeasuredActivities.checkUnlessUnchanged(targets, repository, management);

    assertThat(management.getProperties()).containsEntry(MeasuredActivities.CHECKED,
        MeasuredActivities.key(targets, repository));
  }

  @Test
  void aChangedMeasureIsCheckedAgain() {
    MeasuredActivities.checkUnlessUnchanged(analysesCountedAt("FeedBackResults"), repository, management);

    assertThatThrownBy(() -> MeasuredActivities.checkUnlessUnchanged(analysesCountedAt("FeedbackResult"),
        repository, management))
        .isInstanceOf(PlanTargets.InvalidTargetsException.class).hasMessageContaining("FeedbackResult");
  }

  @Test
  void aRestartWithTheSameMeasuresAndModelsReadsNoModelButANewDeploymentDoes() {
    PlanTargets wrong = analysesCountedAt("FeedbackResult");
    // as if this check had passed against today's deployments: only a skipped check can let it through
    management.setProperty(MeasuredActivities.CHECKED, MeasuredActivities.key(wrong, repository));
    assertThatCode(() -> MeasuredActivities.checkUnlessUnchanged(wrong, repository, management))
        .doesNotThrowAnyException();

    String deployment = repository.createDeployment().name("kpi-check-probe")
        .addModelInstance("kpi-check-probe.bpmn", Bpmn.createExecutableProcess("kpi-check-probe")
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy().getId();
    try {
      assertThatThrownBy(() -> MeasuredActivities.checkUnlessUnchanged(wrong, repository, management))
          .isInstanceOf(PlanTargets.InvalidTargetsException.class).hasMessageContaining("FeedbackResult");
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private static PlanTargets analysesCountedAt(String activity) {
    return PlanTargets.parse("test", new org.yaml.snakeyaml.Yaml().load("""
        plan: { chamber: テスト商工会, baseline-year: R5 }
        rows:
          - id: analyses
            section: "§5"
            label: 経営分析件数
            unit: 件
            counts: cases
            targets: { R7: 60 }
            measure: { process: management-analysis, activity: %s }
        """.formatted(activity)));
  }
}
