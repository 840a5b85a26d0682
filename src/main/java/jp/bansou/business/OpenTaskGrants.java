package jp.bansou.business;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.bansou.security.SharingProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the grants of open tasks in step with the sharing rule when what it depends on changes after the tasks
 * were created: the setting itself ({@code bansou.sharing.read}, checked at start against the one the open tasks
 * were last granted under, an engine property), and the advisor in charge of a business (the registry import).
 * New tasks are granted when they are created ({@link TaskGrants}); this only mends what exists. The open tasks'
 * grants of a database that ran Bansō before per-task grants lost READ under {@code all-staff} are mended once.
 */
@Component
class OpenTaskGrants {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTaskGrants.class);

  /** The engine property naming the setting the open tasks' grants follow. */
  static final String GRANTED_UNDER = "bansou.sharing.read";
  /**
   * Its value when the open tasks' grants follow {@code all-staff} without READ (TaskGrants); the enum's own name
   * {@code ALL_STAFF}, or no value, is the engine's shape, with READ on every task's grant.
   */
  static final String ALL_STAFF_READ_BY_ROLE = "ALL_STAFF_READ_BY_ROLE";
  private static final int PAGE = 500;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;
  private final ManagementService management;
  private final IdentityService identities;
  private final ProcessEngine engine;
  private final BusinessRegistry registry;
  private final SharingProperties sharing;

  OpenTaskGrants(TaskService tasks, RuntimeService runtime, AuthorizationService authorizations,
      ManagementService management, IdentityService identities, ProcessEngine engine,
      BusinessRegistry registry, SharingProperties sharing) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.management = management;
    this.identities = identities;
    this.engine = engine;
    this.registry = registry;
    this.sharing = sharing;
  }

  /**
   * After a change of the setting, every open task of a business is granted as a new one would be. A restart
   * with the same setting costs one property read; the engine's own grants are what {@code all-staff} expects,
   * so a database that never ran {@code own-businesses} has nothing to mend.
   */
  @Order(2)
  @EventListener(ApplicationStartedEvent.class)
  void followTheSetting() {
    // without the property, the open tasks carry the engine's own grants
    String grantedUnder = management.getProperties().getOrDefault(GRANTED_UNDER,
        SharingProperties.Read.ALL_STAFF.name());
    String wanted = shape(sharing.read());
    if (grantedUnder.equals(wanted)) {
      return;
    }
    try {
      int mended = asTheEngine(() -> {
        int regranted = grantedUnder.equals(shape(SharingProperties.Read.OWN_BUSINESSES))
            || sharing.read() == SharingProperties.Read.OWN_BUSINESSES ? regrantEveryOpenTask() : 0;
        return sharing.read() == SharingProperties.Read.ALL_STAFF ? regranted + withoutRead() : regranted;
      });
      management.setProperty(GRANTED_UNDER, wanted);
      LOG.info("Sharing rule is now {}: {} grants of open tasks follow it", wanted, mended);
    } catch (ProcessEngineException concurrent) {
      // nodes of a cluster started together after the change: one of them wins, the property stays unwritten
      // for the others, and their next start checks again
      LOG.warn("Grants of open tasks not all mended at this start (another node at the same time?): {}",
          concurrent.getMessage());
    }
  }

  private static String shape(SharingProperties.Read read) {
    return read == SharingProperties.Read.ALL_STAFF ? ALL_STAFF_READ_BY_ROLE : read.name();
  }

  /** Takes READ off every open task's own grants: under all-staff the role grants give it (TaskGrants). */
  private int withoutRead() {
    int mended = 0;
    // a mended grant leaves the query, so the next page starts after the role grants (resource *) only
    int roleGrants = 0;
    while (true) {
      List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(TASK).hasPermission(READ)
          .authorizationType(AUTH_TYPE_GRANT).orderByResourceId().asc().listPage(roleGrants, PAGE);
      for (Authorization grant : page) {
        if (Authorization.ANY.equals(grant.getResourceId())) {
          roleGrants++;
        } else {
          grant.removePermission(READ);
          authorizations.saveAuthorization(grant);
          mended++;
        }
      }
      if (page.size() < PAGE) {
        return mended;
      }
    }
  }

  /** After the registry named another advisor in charge of the business: its open tasks follow. */
  void advisorChanged(String businessId) {
    if (sharing.read() != SharingProperties.Read.OWN_BUSINESSES) {
      return;
    }
    Optional<Business> business = registry.find(businessId);
    asTheEngine(() -> {
      tasks.createTaskQuery().processInstanceBusinessKey(businessId).list()
          .forEach(task -> regrant(task, business.get().advisor()));
      return null;
    });
  }

  private int regrantEveryOpenTask() {
    int mended = 0;
    Map<String, Optional<Business>> businesses = new HashMap<>();
    for (int first = 0;; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
      Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
          .collect(Collectors.toSet());
      Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
          : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
              .filter(instance -> instance.getBusinessKey() != null)
              .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
      for (Task task : page) {
        String businessKey = businessKeys.get(task.getProcessInstanceId());
        Optional<Business> business = businessKey == null ? Optional.empty()
            : businesses.computeIfAbsent(businessKey, registry::find);
        if (business.isPresent()) {
          regrant(task, business.get().advisor());
          mended++;
        }
      }
      if (page.size() < PAGE) {
        return mended;
      }
    }
  }

  /**
   * Grants one open task of a business as the current setting wants: its advisors' and assistants' candidate
   * groups, or only the advisor in charge. Grants of its assignee, owner and candidate users stay.
   */
  private void regrant(Task task, String advisorInCharge) {
    List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
    Set<String> caseWorkerGroups = new HashSet<>();
    Set<String> keptUsers = new HashSet<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && TaskGrants.CASE_WORKERS.contains(link.getGroupId())) {
        caseWorkerGroups.add(link.getGroupId());
      } else if (link.getUserId() != null) {
        keptUsers.add(link.getUserId());
      }
    }
    if (caseWorkerGroups.isEmpty()) {
      return;
    }
    boolean ownBusinesses = sharing.read() == SharingProperties.Read.OWN_BUSINESSES;
    if (ownBusinesses && advisorInCharge != null) {
      keptUsers.add(advisorInCharge);
      grant(task.getId(), advisorInCharge, null);
    }
    for (Authorization existing : authorizations.createAuthorizationQuery().resourceType(TASK)
        .resourceId(task.getId()).authorizationType(AUTH_TYPE_GRANT).list()) {
      boolean staleUser = existing.getUserId() != null && !keptUsers.contains(existing.getUserId());
      boolean groupToDrop = ownBusinesses && caseWorkerGroups.contains(existing.getGroupId());
      if (staleUser || groupToDrop) {
        authorizations.deleteAuthorization(existing.getId());
      }
    }
    if (!ownBusinesses) {
      caseWorkerGroups.forEach(group -> grant(task.getId(), null, group));
    }
  }

  /** The engine's permission for working a task, and READ where the sharing rule wants it (TaskGrants). */
  private void grant(String taskId, String userId, String groupId) {
    var query = authorizations.createAuthorizationQuery().resourceType(TASK).resourceId(taskId)
        .authorizationType(AUTH_TYPE_GRANT);
    Authorization authorization = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setResource(TASK);
      authorization.setResourceId(taskId);
      authorization.setUserId(userId);
      authorization.setGroupId(groupId);
    }
    for (Permission permission : TaskGrants.permissions(sharing.read(), new Permission[]{READ, workPermission()})) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private Permission workPermission() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDefaultUserPermissionForTask();
  }

  /** Grants are the engine's business: a manager's import must not need the right to write authorizations. */
  private <T> T asTheEngine(Supplier<T> work) {
    Authentication caller = identities.getCurrentAuthentication();
    identities.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identities.setAuthentication(caller);
      }
    }
  }
}
