package jp.bansou.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class SpecialistReferralTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("specialist-referral");

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;

  private ProcessInstance referral(String suggestedBody) {
    return coverage.track(runtimeService.startProcessInstanceByKey("specialist-referral", "T-" + UUID.randomUUID(),
        putValue("advisor", "sato")
            .putValue("businessName", "留萌水産加工株式会社")
            .putValue("referralReason", "資金繰りの改善に専門的な助言が必要")
            .putValue("referralBody", suggestedBody)));
  }

  @Test
  void theAdvisorRecordsTheReferralAndItsOutcomeWhichHistoryKeeps() throws Exception {
    ProcessInstance referral = referral("日本政策金融公庫");
    assertThat(referral).isWaitingAt("RecordReferral");
    assertThat(task()).isAssignedTo("sato");
    assertThat(taskService.createTaskQuery().taskId(task().getId()).taskCandidateGroup("advisors")
        .includeAssignedTasks().count()).isOne();

    String recordTask = task().getId();
    Acting.as(identityService, "sato", "advisors", () -> {
      try (InputStream form = formService.getDeployedTaskForm(recordTask)) {
        assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
            .contains("\"referral-record\"", "referralBodyOptions");
      }
      Map<String, Object> shown = formService.getTaskFormVariables(recordTask);
      assertThat(shown).containsEntry("referralBody", "日本政策金融公庫");
      assertThat(((SpinJsonNode) shown.get("referralBodyOptions")).elements()
          .stream().map(SpinJsonNode::stringValue).collect(Collectors.toList()))
          .containsExactly("北海道よろず支援拠点", "専門家派遣", "中小企業診断士", "日本政策金融公庫",
              "北海道事業承継・引継ぎ支援センター", "その他");
      taskService.complete(recordTask,
          putValue("referralBody", "中小企業診断士").putValue("referralDate", "2025-06-02"));
    });

    assertThat(referral).isWaitingAt("RecordReferralOutcome");
    String outcomeTask = task().getId();
    Acting.as(identityService, "sato", "advisors",
        () -> taskService.complete(outcomeTask, putValue("referralOutcomeDate", "2025-07-15")
            .putValue("referralOutcome", "resolved")
            .putValue("referralOutcomeNotes", "診断士の助言で借換えを実施")));

    assertThat(referral).isEnded().hasPassedInOrder("RecordReferral", "RecordReferralOutcome", "ReferralClosed");
    Map<String, Object> kept = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
            (first, second) -> second));
    assertThat(kept)
        .containsEntry("referralBody", "中小企業診断士")
        .containsEntry("referralDate", "2025-06-02")
        .containsEntry("referralOutcome", "resolved")
        .containsEntry("referralOutcomeDate", "2025-07-15")
        .containsEntry("referralOutcomeNotes", "診断士の助言で借換えを実施");
  }

  @Test
  void anAuditorCanSeeButNotRecordAReferral() throws Exception {
    ProcessInstance referral = referral(null);
    String recordTask = task(referral).getId();

    Acting.as(identityService, "tanaka", "auditors",
        () -> assertThatThrownBy(() -> taskService.complete(recordTask, putValue("referralBody", "専門家派遣")))
            .isInstanceOf(AuthorizationException.class));

    assertThat(referral).isWaitingAt("RecordReferral");
  }
}
