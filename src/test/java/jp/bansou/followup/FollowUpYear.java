package jp.bansou.followup;

import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.util.List;
import jp.bansou.testing.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs a started follow-up to its end the uneventful way, for tests of the tracks that call it: each
 * visit recorded on time and on track, then the year's sales where the track assesses them. Time moves
 * to each next timer.
 */
public final class FollowUpYear {

  /** For tracks that end their follow-up after the visits (startup, succession): returns the visits made. */
  public static int completeVisitsOnTrack(ProcessEngine engine, ProcessInstance followUp) {
    return completeOnTrack(engine, followUp, 0L);
  }

  /** Returns the number of visits recorded. */
  public static int completeOnTrack(ProcessEngine engine, ProcessInstance followUp, long annualSales) {
    ManagementService management = engine.getManagementService();
    TaskService tasks = engine.getTaskService();
    EngineClock clock = new EngineClock(management);
    int visits = 0;
    for (int step = 0; step < 1000; step++) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(followUp.getId()).count() == 0) {
        return visits;
      }
      Task task = tasks.createTaskQuery().processInstanceId(followUp.getId()).singleResult();
      if (task != null && task.getTaskDefinitionKey().equals("RecordAnnualSales")) {
        tasks.complete(task.getId(), putValue("annualSales", annualSales));
        return visits;
      }
      if (task != null) {
        tasks.complete(task.getId(),
            putValue("visitDate", clock.now().toLocalDate().toString()).putValue("salesToDate", annualSales / 4)
                .putValue("progress", "onTrack").putValue("issues", "特になし").putValue("nextActions", "計画どおり継続"));
        visits++;
        continue;
      }
      List<Job> timers = management.createJobQuery().processInstanceId(followUp.getId()).timers()
          .orderByJobDuedate().asc().listPage(0, 1);
      if (timers.isEmpty()) {
        throw new IllegalStateException("follow-up " + followUp.getId() + " waits for neither a task nor a timer");
      }
      ClockUtil.setCurrentTime(timers.get(0).getDuedate());
      clock.executeDueJobs(followUp.getRootProcessInstanceId());
    }
    throw new IllegalStateException("follow-up " + followUp.getId() + " did not end");
  }

  private FollowUpYear() {}
}
