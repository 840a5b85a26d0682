package jp.bansou.followup;

import java.util.List;
import jp.bansou.tasklist.VisitTasks;
import org.springframework.stereotype.Component;

/** The follow-up's visits for Tasklist's overdue-visits filter and task descriptions, by its published names. */
@Component
class FollowUpVisitTasks implements VisitTasks {

  @Override
  public String process() {
    return FollowUpNames.PROCESS;
  }

  @Override
  public List<String> taskKeys() {
    return FollowUpNames.VISIT_TASKS;
  }

  @Override
  public String visitNumber() {
    return FollowUpNames.VISIT_NUMBER;
  }
}
