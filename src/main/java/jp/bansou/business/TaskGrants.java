package jp.bansou.business;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import jp.bansou.security.SharingProperties;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grants the engine writes for each task (its candidate groups and users, its assignee), shaped by the sharing
 * rule ({@code bansou.sharing.read}).
 *
 * <p>Under {@code all-staff} (the default) every staff group reads every task by its role grant ({@code
 * security.RoleAuthorizations}), so a task's own grants carry only the engine's permission to work it (UPDATE or
 * TASK_WORK), not READ: the engine's task list joins every READ grant of the user and his groups against the
 * tasks, and with a READ grant per task and candidate that join grew with tasks × grants (ADR 0107,
 * docs/performance.md "Task list"). Who may claim and complete stays exactly the engine's: the candidates.
 *
 * <p>Under {@code own-businesses}, a task of a business is the business's advisor in charge's, not the whole
 * candidate group's. The engine grants every candidate group READ and UPDATE on each of its tasks when the task is
 * created, which let any advisor list, read (variables, form variables, form) and claim a colleague's group tasks
 * while the case file refused him the same business. Here the grant that the engine would give the advisors' or
 * assistants' group goes to the advisor in charge (担当経営指導員 in the registry) instead: he sees the task in his
 * group's Tasklist filter and claims it; the task's assignee keeps the engine's own grant; managers and auditors
 * read every task by their role grants. A task of a business nobody is in charge of is granted to no advisor (a
 * manager hands it over); a task of no registered business (seminars, surveys, staff meetings) stays its groups'
 * as the engine does it, since it holds no business's records.
 *
 * <p>Open tasks follow a change of the setting or of the advisor in charge through {@link OpenTaskGrants}.
 */
@Component
class TaskGrants extends DefaultAuthorizationProvider implements ProcessEnginePlugin {

  /** The groups whose members read only their own businesses under {@code own-businesses}. */
  static final Set<String> CASE_WORKERS = Set.of(StaffGroup.ADVISORS.id(), StaffGroup.ASSISTANTS.id());

  private final BusinessRegistry registry;
  private final SharingProperties sharing;

  TaskGrants(BusinessRegistry registry, SharingProperties sharing) {
    this.registry = registry;
    this.sharing = sharing;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(this);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}

  /** What a task's own grant gives its candidate or assignee: see the class comment. */
  static Permission[] permissions(SharingProperties.Read sharing, Permission[] engines) {
    return sharing == SharingProperties.Read.OWN_BUSINESSES ? engines
        : Arrays.stream(engines).filter(permission -> permission != Permissions.READ).toArray(Permission[]::new);
  }

  @Override
  protected Permission[] getRuntimePermissions(boolean specificVariablePermission) {
    return permissions(sharing.read(), super.getRuntimePermissions(specificVariablePermission));
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (sharing.read() != SharingProperties.Read.OWN_BUSINESSES || !CASE_WORKERS.contains(groupId)) {
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }
    Optional<Business> business = businessOf(task);
    if (business.isEmpty()) {
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }
    String advisor = business.get().advisor();
    return advisor == null ? null : super.newTaskUserIdentityLink(task, advisor, type);
  }

  private Optional<Business> businessOf(Task task) {
    ExecutionEntity execution = task instanceof TaskEntity entity ? entity.getExecution() : null;
    String businessKey = execution == null ? null : execution.getProcessBusinessKey();
    return businessKey == null ? Optional.empty() : registry.find(businessKey);
  }
}
