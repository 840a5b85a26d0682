package jp.bansou.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The case file, the demo year and Tasklist's visit filter read the follow-up by these names: they must exist. */
class FollowUpNamesTest {

  private static final Path MODEL = Path.of("bpmn", "follow-up-visits.bpmn");

  @Test
  void everyPublishedNameIsInTheFollowUpModel() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
    String text = Files.readString(MODEL);

    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
        .containsExactly(FollowUpNames.PROCESS);
    for (String task : FollowUpNames.VISIT_TASKS) {
      assertThat(model.<UserTask>getModelElementById(task)).as(task).isInstanceOf(UserTask.class);
    }
    assertThat(model.getModelElementsByType(TimerEventDefinition.class))
        .extracting(timer -> ((org.camunda.bpm.model.bpmn.instance.BaseElement) timer.getParentElement()).getId())
        .contains(FollowUpNames.VISIT_FALLS_DUE);
    for (String variable : List.of(FollowUpNames.VISIT_NUMBER, FollowUpNames.VISIT_COUNT,
        FollowUpNames.FOLLOW_UP_TRACK, FollowUpNames.DUE_DATE_AS_PLANNED)) {
      assertThat(text).as(variable).containsPattern("[^A-Za-z]" + variable + "[^A-Za-z]");
    }
  }

  @Test
  void everyVisitOfTheModelIsAPublishedVisitTask() {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());

    assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
        .filteredOn(id -> id.endsWith("Visit"))
        .containsExactlyInAnyOrderElementsOf(FollowUpNames.VISIT_TASKS);
  }
}
