package jp.bansou.fair;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class TastingSurveyTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("tasting-survey", "demand-survey");

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  BusinessRegistry registry;

  EngineClock clock;

  @BeforeEach
  void spring() {
    clock = new EngineClock(managementService);
    clock.setTo(LocalDateTime.of(2027, 5, 10, 10, 0));
  }

  @Test
  void aNewProductIsTastedByVisitorsOfMichiNoEkiRumoiAndTheResultsGoBackToTheBusiness() throws Exception {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("tasting-survey").latestVersion().singleResult().getId();
    String businessId = TestBusinesses.register(registry, "sato");
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId).putValue("productName", "数の子ディップ").putValue("productKind", "new")));
    ProcessInstance tasting = coverage.track(started[0]);
    assertThat(tasting).hasBusinessKey(businessId).isWaitingAt("ScheduleTastingSurvey");
    assertThat(task(tasting)).isAssignedTo("sato");
    String schedule = task(tasting).getId();
    Acting.as(identityService, "sato", "advisors", () -> {
      org.assertj.core.api.Assertions
          .assertThat(formService.getTaskFormVariables(schedule).getValue("surveyPlace", String.class))
          .isEqualTo("道の駅るもい");
      taskService.complete(schedule, putValue("surveyDate", "2027-06-05").putValue("surveyPlace", "道の駅るもい")
          .putValue("surveyStaff", "佐藤、鈴木"));
    });

    assertThat(tasting).isWaitingAt("TastingDayArrived");
    clock.setTo(LocalDateTime.of(2027, 6, 4, 23, 59));
    clock.executeDueJobs(tasting.getId());
    assertThat(tasting).isWaitingAt("TastingDayArrived");
    clock.setTo(LocalDateTime.of(2027, 6, 5, 0, 0));
    clock.executeDueJobs(tasting.getId());

    ProcessInstance survey = calledProcessInstance("demand-survey", tasting);
    assertThat(survey).hasBusinessKey(businessId).variables().containsEntry("surveyKind", "tasting")
        .containsEntry("productName", "数の子ディップ").containsEntry("surveyOccasion", "道の駅るもい（2027-06-05）");
    assertThat(task(survey)).isAssignedTo("sato");
    taskService.complete(task(survey).getId(), SurveyAnswers.of(50));
    taskService.complete(task(survey).getId(), putValue("surveyFeedbackDate", "2027-06-12")
        .putValue("brushUpPoints", "辛さを控えめに"));

    assertThat(tasting).isEnded().hasPassed("TastingResultsFedBack").variables()
        .containsEntry("productKind", "new").containsEntry("surveyPlace", "道の駅るもい")
        .containsEntry("surveyResponses", 50L).containsEntry("surveyResponsesBelowTarget", false)
        .containsEntry("brushUpPoints", "辛さを控えめに");
  }

  @Test
  void aTastingSurveyWithFewVisitorsIsFlaggedAndStillFedBack() {
    ProcessInstance tasting = coverage.track(runtimeService.startProcessInstanceByKey("tasting-survey",
        TestBusinesses.register(registry, "ito"),
        putValue("advisor", "ito").putValue("productName", "味付け数の子").putValue("productKind", "existing")));
    String schedule = task(tasting).getId();
    assertThatThrownBy(() -> taskService.complete(schedule, putValue("surveyDate", "2027-05-01")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("試食調査の日に過去の日付は入力できません");

    taskService.complete(schedule, putValue("surveyDate", "2027-05-10"));
    clock.executeDueJobs(tasting.getId());
    ProcessInstance survey = calledProcessInstance("demand-survey", tasting);
    assertThat(task(survey)).hasDueDate(java.util.Date.from(
        LocalDateTime.of(2027, 5, 17, 0, 0).atZone(EngineClock.JAPAN).toInstant()));
    taskService.complete(task(survey).getId(), SurveyAnswers.of(34));
    taskService.complete(task(survey).getId(), putValue("surveyFeedbackDate", "2027-05-20")
        .putValue("brushUpPoints", "雨で来場者が少なく、秋に再調査"));

    assertThat(survey).isEnded().hasPassed("ResponsesBelowTarget");
    assertThat(tasting).isEnded().variables().containsEntry("surveyPlace", "道の駅るもい")
        .containsEntry("surveyResponses", 34L).containsEntry("surveyResponsesBelowTarget", true);
  }
}
