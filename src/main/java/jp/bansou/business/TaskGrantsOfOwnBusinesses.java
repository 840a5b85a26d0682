package jp.bansou.business;

import java.util.Optional;
import java.util.Set;
import jp.bansou.security.SharingProperties;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Under {@code bansou.sharing.read: own-businesses}, a task of a business is the business's advisor in charge's,
 * not the whole candidate group's. The engine grants every candidate group READ and UPDATE on each of its tasks
 * when the task is created, which let any advisor list, read (variables, form variables, form) and claim a
 * colleague's group tasks while the case file refused him the same business. Here the grant that the engine would
 * give the advisors' or assistants' group goes to the advisor in charge (担当経営指導員 in the registry) instead:
 * he sees the task in his group's Tasklist filter and claims it; the task's assignee keeps the engine's own grant;
 * managers and auditors read every task by their role grants. A task of a business nobody is in charge of is
 * granted to no advisor (a manager hands it over); a task of no registered business (seminars, surveys, staff
 * meetings) stays its groups' as the engine does it, since it holds no business's records.
 *
 * <p>Under {@code all-staff} (the default) the engine's grants stay as they are: the whole group reads and claims.
 * Open tasks follow a change of the setting or of the advisor in charge through {@link OpenTaskGrants}.
 */
@Component
class TaskGrantsOfOwnBusinesses extends DefaultAuthorizationProvider implements ProcessEnginePlugin {

  /** The groups whose members read only their own businesses under {@code own-businesses}. */
  static final Set<String> CASE_WORKERS = Set.of(StaffGroup.ADVISORS.id(), StaffGroup.ASSISTANTS.id());

  private final BusinessRegistry registry;
  private final SharingProperties sharing;

  TaskGrantsOfOwnBusinesses(BusinessRegistry registry, SharingProperties sharing) {
    this.registry = registry;
    this.sharing = sharing;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (sharing.read() == SharingProperties.Read.OWN_BUSINESSES) {
      configuration.setResourceAuthorizationProvider(this);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (!CASE_WORKERS.contains(groupId)) {
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
