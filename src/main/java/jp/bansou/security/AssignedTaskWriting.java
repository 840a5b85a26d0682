package jp.bansou.security;

import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task assigned to someone is worked, reassigned or changed only by its assignee or a manager. The engine
 * gives a task's candidate group the right to update it, so without this any advisor could complete,
 * re-assign or rewrite the variables of a colleague's assigned task; an unassigned group task stays open to
 * its group (claim, or work it directly). The check runs inside every engine command that works, assigns or
 * writes a task's variables, whichever door (Tasklist, {@code /engine-rest}, Java) the call came through.
 */
@Component
class AssignedTaskWriting extends AbstractProcessEnginePlugin {

  /** The engine's checks that guard writing to a single task; every other check passes through. */
  private static final Set<String> TASK_WRITES = Set.of("checkTaskWork", "checkTaskAssign", "checkUpdateTaskVariable");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // CommandChecker has some eighty checks; a proxy keeps this rule to the three it is about
    CommandChecker checker = (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[]{CommandChecker.class}, (proxy, method, arguments) -> {
          if (TASK_WRITES.contains(method.getName()) && arguments != null && arguments.length == 1
              && arguments[0] instanceof TaskEntity task) {
            check(task);
          }
          return method.getName().equals("toString") ? "AssignedTaskWriting" : null;
        });
    configuration.getCommandCheckers().add(checker);
  }

  private static void check(TaskEntity task) {
    CommandContext command = Context.getCommandContext();
    String userId = command == null ? null : command.getAuthenticatedUserId();
    // the engine's own work (jobs, listeners run without a user) and admin-only commands are not staff writing
    if (userId == null || !command.isAuthorizationCheckEnabled() || task.getAssignee() == null
        || task.getAssignee().equals(userId)) {
      return;
    }
    List<String> groups = command.getAuthenticatedGroupIds();
    if (groups != null && (groups.contains(MANAGERS.id()) || groups.contains(ADMINS.id()))) {
      return;
    }
    throw new AuthorizationException("このタスク（" + task.getName() + "）は " + task.getAssignee()
        + " さんが担当しています。作業・担当替え・変更ができるのは担当者と管理者（法定経営指導員・事務局）だけです");
  }
}
