package jp.bansou.staff;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the waiting staff-meeting timer in step with the configured days, as
 * {@code jp.bansou.calendar.CalendarTimers} does for the plan's yearly calendar: the engine evaluates a
 * timer start event's cycle only when it creates the job, so changed days would otherwise wait for the old
 * date. A job already due is left to fire, and one already due at the configured next meeting is left as it is (a
 * restart with nothing changed recalculates nothing).
 */
@Component
public class StaffMeetingTimer {

  static final String PROCESS = "staff-meeting";
  static final String START_EVENT = "StaffMeetingDue";

  private final ManagementService management;
  private final StaffMeetings meetings;

  StaffMeetingTimer(ManagementService management, StaffMeetings meetings) {
    this.management = management;
    this.meetings = meetings;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void reschedule() {
    Date now = ClockUtil.getCurrentTime();
    timer().filter(job -> job.getDuedate().after(now))
        .filter(job -> job.getDuedate().getTime() != meetings.nextStart().toInstant().toEpochMilli())
        .ifPresent(job -> management.recalculateJobDuedate(job.getId(), false));
  }

  public Optional<Job> timer() {
    return Optional.ofNullable(management.createJobQuery().processDefinitionKey(PROCESS)
        .activityId(START_EVENT).timers().singleResult());
  }
}
