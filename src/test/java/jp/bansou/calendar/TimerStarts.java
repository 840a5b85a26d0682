package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Fires one calendar timer the way the job executor would, and returns the case it started. The timer
 * jobs live in the database every test shares, so only the job of the given calendar entry is touched.
 */
public final class TimerStarts {

  private final ManagementService management;
  private final HistoryService history;
  private final CalendarTimers timers;

  public TimerStarts(ManagementService management, HistoryService history, CalendarTimers timers) {
    this.management = management;
    this.history = history;
    this.timers = timers;
  }

  public ProcessInstance fire(CalendarEntry entry) {
    Set<String> before = startedBy(entry);
    management.executeJob(timers.timerOf(entry).orElseThrow().getId());
    Set<String> started = startedBy(entry);
    started.removeAll(before);
    assertThat(started).as("cases started by %s", entry).hasSize(1);
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery()
        .processInstanceId(started.iterator().next())
        .singleResult();
  }

  private Set<String> startedBy(CalendarEntry entry) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(entry.processKey())
        .executedActivityIdIn(entry.startEventId())
        .list();
    Set<String> ids = new HashSet<>();
    instances.forEach(instance -> ids.add(instance.getId()));
    return ids;
  }
}
