package jp.bansou.calendar;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the waiting timer start jobs in step with the configured calendar. The engine evaluates a timer
 * start event's cycle when it creates the job (at deployment, and each time the job fires), so a month
 * changed in application.yaml would otherwise wait until the old date came round once more. At every
 * start a waiting job whose due date is not the configured next start is recalculated from the configuration
 * (a restart with nothing changed recalculates nothing: each recalculation is an engine command); a job already
 * due is left to fire, and the engine re-evaluates its cycle then ({@code reevaluateTimeCycleWhenDue}).
 */
@Component
public class CalendarTimers {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarTimers.class);

  private final ManagementService management;
  private final PlanCalendar planCalendar;

  public CalendarTimers(ManagementService management, PlanCalendar planCalendar) {
    this.management = management;
    this.planCalendar = planCalendar;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void reschedule() {
    Date now = ClockUtil.getCurrentTime();
    for (CalendarEntry entry : CalendarEntry.values()) {
      timerOf(entry)
          .filter(job -> job.getDuedate().after(now))
          .filter(job -> job.getDuedate().getTime() != planCalendar.nextStart(entry).toInstant().toEpochMilli())
          .ifPresent(job -> {
            management.recalculateJobDuedate(job.getId(), false);
            LOG.info("{} next starts {}", entry, timerOf(entry).map(Job::getDuedate).orElse(null));
          });
    }
  }

  /** The waiting timer job of the latest model, which is the only one the engine keeps. */
  public Optional<Job> timerOf(CalendarEntry entry) {
    return Optional.ofNullable(management.createJobQuery()
        .processDefinitionKey(entry.processKey())
        .activityId(entry.startEventId())
        .timers()
        .singleResult());
  }
}
