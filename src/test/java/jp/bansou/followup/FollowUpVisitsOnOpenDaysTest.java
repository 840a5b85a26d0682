package jp.bansou.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A visit falls due at the plan's interval, but the day the advisor must have recorded it, and the reminder
 * and escalation after it, are days the chamber is open (docs/calendar.md).
 */
@EngineTest
class FollowUpVisitsOnOpenDaysTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  TestRestTemplate http;

  @Test
  void aVisitDueOnTheCitizensHolidayOfSeptember2026FallsDueOnThursdayThe24th() {
    // quarterly from 2026-06-08: the visit falls due 09-08, the two-week window ends on 09-22 (国民の休日)
    EngineClock clock = new EngineClock(managementService);
    ProcessInstance followUp = startQuarterly(clock, LocalDateTime.of(2026, 6, 8, 9, 0));

    clock.setTo(LocalDateTime.of(2026, 9, 8, 9, 0));
    clock.executeDueJobs(followUp.getId());
    Task visit = visitOf(followUp);
    assertThat(visit.getDueDate()).as("the visit task appears at the plan's interval").isNotNull()
        .isEqualTo(japan(LocalDateTime.of(2026, 9, 24, 9, 0)));
    assertThat(taskService.getVariable(visit.getId(), "dueDateAsPlanned"))
        .isEqualTo(japan(LocalDateTime.of(2026, 9, 22, 9, 0)));
    // the reminder is a week after the moved due date (10-01, a Thursday); the escalation three weeks (10-15)
    assertThat(timerOf(followUp, "VisitLate").getDuedate()).isEqualTo(japan(LocalDateTime.of(2026, 10, 1, 9, 0)));
    assertThat(timerOf(followUp, "VisitVeryLate").getDuedate()).isEqualTo(japan(LocalDateTime.of(2026, 10, 15, 9, 0)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCaseFileShowsTheMovedDueDateAndSaysWhy() {
    EngineClock clock = new EngineClock(managementService);
    String businessKey = TestBusinesses.register(registry, "sato");
    ProcessInstance followUp = startQuarterly(clock, LocalDateTime.of(2026, 6, 8, 9, 0), businessKey);
    clock.setTo(LocalDateTime.of(2026, 9, 8, 9, 0));
    clock.executeDueJobs(followUp.getId());

    Map<String, Object> file = http.withBasicAuth("sato", "demo")
        .getForObject("/api/businesses/{id}/case-file", Map.class, businessKey);

    assertThat((List<Map<String, Object>>) file.get("dueVisits")).singleElement()
        .satisfies(visit -> assertThat(visit).containsEntry("dueMoved", "国民の休日のため翌営業日"));
    assertThat((List<Map<String, Object>>) file.get("cases")).singleElement()
        .satisfies(c -> assertThat((List<Map<String, Object>>) c.get("currentTasks")).singleElement()
            .satisfies(task -> assertThat(task).containsEntry("dueMoved", "国民の休日のため翌営業日")));
  }

  @Test
  void aVisitDueOnJanuarySecondFallsDueWhenTheChamberReopensOnTheFourth() {
    EngineClock clock = new EngineClock(managementService);
    ProcessInstance followUp = startQuarterly(clock, LocalDateTime.of(2026, 9, 19, 10, 0));

    clock.setTo(LocalDateTime.of(2026, 12, 19, 10, 0));
    clock.executeDueJobs(followUp.getId());
    assertThat(visitOf(followUp).getDueDate()).isEqualTo(japan(LocalDateTime.of(2027, 1, 4, 10, 0)));
  }

  @Test
  void theIntervalStaysTheQuarterOfThePlanEvenWhenADueDateMoved() {
    EngineClock clock = new EngineClock(managementService);
    ProcessInstance followUp = startQuarterly(clock, LocalDateTime.of(2026, 6, 8, 9, 0));

    clock.setTo(LocalDateTime.of(2026, 9, 8, 9, 0));
    clock.executeDueJobs(followUp.getId());
    clock.setTo(LocalDateTime.of(2026, 9, 24, 14, 0));
    taskService.complete(visitOf(followUp).getId(), putValue("visitDate", "2026-09-24").putValue("salesToDate", 2_500L)
        .putValue("progress", "onTrack").putValue("issues", "特になし").putValue("nextActions", "次回も売上を確認"));

    clock.setTo(LocalDateTime.of(2026, 12, 8, 8, 59));
    clock.executeDueJobs(followUp.getId());
    assertThat(
        taskService.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit").count())
        .isZero();
    clock.setTo(LocalDateTime.of(2026, 12, 8, 9, 0));
    clock.executeDueJobs(followUp.getId());
    assertThat(visitOf(followUp).getDueDate()).as("12-22, a Tuesday")
        .isEqualTo(japan(LocalDateTime.of(2026, 12, 22, 9, 0)));
  }

  private ProcessInstance startQuarterly(EngineClock clock, LocalDateTime planDone) {
    return startQuarterly(clock, planDone, "CAL-" + UUID.randomUUID());
  }

  private ProcessInstance startQuarterly(EngineClock clock, LocalDateTime planDone, String businessKey) {
    clock.setTo(planDone);
    return runtimeService.createProcessInstanceByKey("follow-up-visits").businessKey(businessKey)
        .setVariables(putValue("advisor", "sato").putValue("businessName", "留萌カレンダー商店")
            .putValue("industry", "小売業").putValue("employees", 3).putValue("followUpTrack", "plan")
            .putValue("visitInterval", "P3M").putValue("visitCount", 2).putValue("assessesSalesGrowth", false))
        .execute();
  }

  private Task visitOf(ProcessInstance followUp) {
    return taskService.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit")
        .singleResult();
  }

  private Job timerOf(ProcessInstance followUp, String activityId) {
    return managementService.createJobQuery().processInstanceId(followUp.getId()).activityId(activityId).timers()
        .singleResult();
  }

  private static Date japan(LocalDateTime time) {
    return Date.from(time.atZone(EngineClock.JAPAN).toInstant());
  }
}
