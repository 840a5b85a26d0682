package jp.bansou.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class ExternalTrainingTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("external-training");

  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;

  EngineClock clock;

  @BeforeEach
  void theDayAfterTheTraining() {
    clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2026, 11, 21, 9, 0));
  }

  static ProcessInstance recordTraining(RepositoryService repository, IdentityService identity, FormService forms,
      String user, String group, VariableMap training) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("external-training")
        .latestVersion().singleResult().getId();
    identity.setAuthentication(user, List.of(group));
    try {
      return forms.submitStartForm(definition, training);
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance record(String user, String group, VariableMap training) {
    return coverage.track(recordTraining(repository, identity, forms, user, group, training));
  }

  static VariableMap accompanyingSupportSeminar(String date) {
    return putValue("trainingDate", date).putValue("organiser", "hokkaido")
        .putValue("trainingTitle", "経営力再構築伴走支援研修会").putValue("trainingCategory", "accompanying");
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(EngineClock.JAPAN).toInstant());
  }

  @Test
  void anExternalTrainingGivesItsAttendeeATransferTrainingDueWithinThirtyDaysOnAnOpenDay() {
    ProcessInstance training = record("suzuki", "assistants", accompanyingSupportSeminar("2026-11-20"));

    assertThat(training).isWaitingAt("HoldTransferTraining").hasBusinessKey("suzuki");
    Task transfer = task(training);
    assertThat(transfer).isAssignedTo("suzuki");
    // thirty days after 11/20 is Sunday 12/20: the chamber is closed, the transfer training is due on Monday
    assertThat(transfer.getDueDate()).isEqualTo(at(2026, 12, 21, 17));
    assertThat(transfer.getDescription()).as("Tasklist says why").contains("期限: 2026/12/21（日曜日のため翌営業日）");

    clock.setTo(LocalDateTime.of(2026, 12, 10, 17, 0));
    tasks.complete(transfer.getId(), putValue("transferDate", "2026-12-10")
        .putValue("transferAttendees", "sato、ito　takahashi").putValue("transferMaterial", "対話と傾聴による伴走支援"));
    assertThat(training).isEnded().hasPassed("TransferTrainingHeld", "TransferTrainingDone")
        .hasNotPassed("PlanLateTransferTraining").variables()
        .containsEntry("transferAttendees", "sato, ito, takahashi").containsEntry("transferAttendeeCount", 3L);
  }

  @Test
  void aLateTransferTrainingRemindsItsLecturerAfterAWeekAndTheManagersAfterThreeWeeks() {
    ProcessInstance training = record("ito", "advisors", accompanyingSupportSeminar("2026-11-20"));
    Task transfer = task(training);

    // due Monday 12/21; a week later is Monday 12/28, the last open day before the year-end closure
    clock.setTo(LocalDateTime.of(2026, 12, 28, 16, 59));
    clock.executeDueJobs(training.getId());
    assertThat(training).isWaitingAt("HoldTransferTraining").isNotWaitingAt("PlanLateTransferTraining");
    clock.advance(Duration.ofMinutes(1));
    clock.executeDueJobs(training.getId());
    Task reminder = tasks.createTaskQuery().processInstanceId(training.getId())
        .taskDefinitionKey("PlanLateTransferTraining").singleResult();
    assertThat(reminder).isAssignedTo("ito");
    tasks.complete(reminder.getId(), putValue("plannedTransferDate", "2027-01-15"));

    // three weeks after the due day is 1/11, 成人の日: the managers hear of it on the next open day
    clock.setTo(LocalDateTime.of(2027, 1, 11, 17, 0));
    clock.executeDueJobs(training.getId());
    assertThat(tasks.createTaskQuery().processInstanceId(training.getId())
        .taskDefinitionKey("HandleLateTransferTraining").count()).isZero();
    clock.setTo(LocalDateTime.of(2027, 1, 12, 17, 0));
    clock.executeDueJobs(training.getId());
    Task escalation = tasks.createTaskQuery().processInstanceId(training.getId())
        .taskDefinitionKey("HandleLateTransferTraining").singleResult();
    assertThat(escalation).isNotNull();
    assertThat(tasks.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("managers").count()).isEqualTo(1);
    tasks.complete(escalation.getId(), putValue("transferEscalationNotes", "1月15日に開催するよう指示した"));

    assertThatThrownBy(() -> tasks.complete(transfer.getId(), putValue("transferDate", "2027-01-10")
        .putValue("transferAttendees", "sato, yamada").putValue("transferMaterial", "資料")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("職員ではないユーザーIDがあります: yamada");
    tasks.complete(transfer.getId(), putValue("transferDate", "2027-01-10")
        .putValue("transferAttendees", "sato, suzuki").putValue("transferMaterial", "伴走支援の進め方"));
    assertThat(training).isEnded().hasPassed("LateTransferTrainingPlanned", "LateTransferTrainingHandled",
        "TransferTrainingDone");
  }

  @Test
  void aTrainingWithoutADateIsRefusedInJapanese() {
    assertThatThrownBy(
        () -> record("suzuki", "assistants", putValue("organiser", "other").putValue("trainingCategory", "dx")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("研修の日付を入力してください")
        .hasMessageContaining("主催が「その他」のときは主催者名を入力してください")
        .hasMessageContaining("研修名を入力してください");
  }

  @Test
  void staffRecordTheirOwnTrainingsAndAManagerRecordsForAnyone() {
    assertThatThrownBy(
        () -> record("suzuki", "assistants", accompanyingSupportSeminar("2026-11-20").putValue("attendee", "sato")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("ほかの職員の研修は記録できません");
    ProcessInstance forSato = record("takahashi", "managers",
        accompanyingSupportSeminar("2026-11-20").putValue("attendee", "sato"));
    assertThat(forSato).hasBusinessKey("sato");
    assertThat(task(forSato)).isAssignedTo("sato");
  }
}
