package jp.bansou.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class StaffMeetingTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("staff-meeting");

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  StaffMeetingTimer timer;
  @Autowired
  StaffMeetingRecords meetings;

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(EngineClock.JAPAN).toInstant());
  }

  /** Fires the meeting timer as the job executor would and returns the meeting it started. */
  private ProcessInstance fire() {
    Set<String> before = started();
    management.executeJob(timer.timer().orElseThrow().getId());
    Set<String> after = started();
    after.removeAll(before);
    assertThat(after).hasSize(1);
    return coverage
        .track(runtime.createProcessInstanceQuery().processInstanceId(after.iterator().next()).singleResult());
  }

  private Set<String> started() {
    Set<String> ids = new HashSet<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey("staff-meeting").list()
        .forEach((HistoricProcessInstance instance) -> ids.add(instance.getId()));
    return ids;
  }

  @Test
  void staffMeetingsComeOnTheFifthAndTheTwentiethOfEveryMonthAtNine() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2027, 1, 20, 10, 0));
    Job waiting = timer.timer().orElseThrow();
    management.recalculateJobDuedate(waiting.getId(), false);
    assertThat(timer.timer().orElseThrow().getDuedate()).isEqualTo(at(2027, 2, 5));

    clock.setTo(LocalDateTime.of(2027, 2, 5, 9, 0));
    ProcessInstance meeting = fire();
    assertThat(meeting).isWaitingAt("RecordStaffMeeting");
    assertThat(tasks.createTaskQuery().processInstanceId(meeting.getId()).taskCandidateGroup("assistants").count())
        .isEqualTo(1);
    assertThat(task(meeting).getDueDate()).isEqualTo(at(2027, 2, 12));
    // the 20th of February 2027 is a Saturday: the meeting comes on the Monday after (issue #18)
    assertThat(timer.timer().orElseThrow().getDuedate()).as("the next meeting").isEqualTo(at(2027, 2, 22));

    clock.setTo(LocalDateTime.of(2027, 2, 22, 9, 0));
    ProcessInstance next = fire();
    assertThat(timer.timer().orElseThrow().getDuedate()).isEqualTo(at(2027, 3, 5));
    runtime.deleteProcessInstance(next.getId(), "test over");
    runtime.deleteProcessInstance(meeting.getId(), "test over");
  }

  @Test
  void aMeetingDayOnASundayOrAHolidayComesOnTheNextOpenDayAndTheRecordIsDueAWeekLater() {
    EngineClock clock = new EngineClock(management);
    // after the meeting of Monday 2026-06-22 (the 20th was a Saturday) comes 07-05, a Sunday
    clock.setTo(LocalDateTime.of(2026, 6, 22, 10, 0));
    management.recalculateJobDuedate(timer.timer().orElseThrow().getId(), false);
    assertThat(timer.timer().orElseThrow().getDuedate()).isEqualTo(at(2026, 7, 6));

    clock.setTo(LocalDateTime.of(2026, 7, 6, 9, 0));
    ProcessInstance meeting = fire();
    assertThat(task(meeting).getDueDate()).isEqualTo(at(2026, 7, 13));
    assertThat(timer.timer().orElseThrow().getDuedate()).as("the 20th is 海の日").isEqualTo(at(2026, 7, 21));
    runtime.deleteProcessInstance(meeting.getId(), "test over");

    // after the meeting of Friday 2026-11-20 the next is the 5th of December, a Saturday
    clock.setTo(LocalDateTime.of(2026, 11, 20, 9, 0));
    ProcessInstance november = fire();
    assertThat(timer.timer().orElseThrow().getDuedate()).isEqualTo(at(2026, 12, 7));
    runtime.deleteProcessInstance(november.getId(), "test over");
  }

  @Test
  void theRecordOfAMeetingFallsDueOnAnOpenDayAndTheTaskSaysWhy() {
    EngineClock clock = new EngineClock(management);
    // a meeting's task on Monday 2026-09-14: a week later is 09-21 敬老の日, then 09-22 国民の休日, 09-23 秋分の日
    clock.setTo(LocalDateTime.of(2026, 9, 14, 9, 0));
    ProcessInstance meeting = coverage.track(runtime.createProcessInstanceByKey("staff-meeting")
        .startBeforeActivity("RecordStaffMeeting").execute());
    assertThat(task(meeting).getDueDate()).isEqualTo(at(2026, 9, 24));
    assertThat(task(meeting).getDescription()).contains("期限: 2026/09/24（祝日（敬老の日）のため翌営業日）");
    runtime.deleteProcessInstance(meeting.getId(), "test over");
  }

  @Test
  void aMeetingRecordsItsAttendeesAndNotesAndShowsInTheCaseFileOfEachBusinessDiscussed() {
    new EngineClock(management).setTo(LocalDateTime.of(2026, 12, 7, 10, 0));
    String fishery = TestBusinesses.register(registry, "sato");
    String bakery = TestBusinesses.register(registry, "ito");
    ProcessInstance meeting = coverage.track(runtime.createProcessInstanceByKey("staff-meeting")
        .startBeforeActivity("RecordStaffMeeting").execute());

    assertThatThrownBy(() -> tasks.complete(task(meeting).getId(), putValue("meetingDate", "2026-12-05")
        .putValue("meetingAttendees", "sato").putValue("discussedBusinesses", fishery + ", NO-SUCH")
        .putValue("meetingNotes", "共有")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("事業者台帳にない事業者IDがあります: NO-SUCH");
    tasks.complete(task(meeting).getId(), putValue("meetingDate", "2026-12-05")
        .putValue("meetingAttendees", "sato, ito、suzuki").putValue("discussedBusinesses", fishery + "、" + bakery)
        .putValue("meetingNotes", "かずの子の年末需要と資金繰りを共有。"));

    assertThat(meeting).isEnded().hasPassed("StaffMeetingRecorded");
    assertThat(meetings.discussing(fishery)).singleElement().satisfies(m -> {
      assertThat(m.meetingDate()).isEqualTo("2026-12-05");
      assertThat(m.attendees()).isEqualTo("sato, ito, suzuki");
      // the case file names them as staff know each other, not by user id
      assertThat(m.attendeeNames()).isEqualTo("佐藤 一郎、伊藤 花子、鈴木 美咲");
      assertThat(m.notes()).contains("資金繰り");
    });
    assertThat(meetings.discussing(bakery)).hasSize(1);
    assertThat(meetings.discussing(TestBusinesses.register(registry, "sato"))).isEmpty();
  }
}
