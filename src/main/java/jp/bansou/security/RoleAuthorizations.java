package jp.bansou.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.ADVISORS;
import static jp.bansou.security.StaffGroup.ASSISTANTS;
import static jp.bansou.security.StaffGroup.AUDITORS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.OptimizePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each role may do, as SPEC's role table says and no more. Working on tasks is not granted here: the
 * engine gives a task's candidate group and assignee the right to work on it when the task is created, which
 * is how advisors and assistants get the tasks of their groups ({@link AssignedTaskWriting} keeps an assigned
 * task to its assignee). Reading follows the sharing rule ({@link CaseSharing}): with {@code all-staff}
 * advisors and assistants read every case's tasks, variables and history; with {@code own-businesses} they get
 * no role-wide read, and the engine's per-task grant of a business's task goes to its advisor in charge instead
 * of the group ({@code business.TaskGrants}). Tasklist filters are granted one by
 * one to the roles they are meant for ({@code jp.bansou.tasklist.TasklistFilterSetup}).
 */
public final class RoleAuthorizations {

  /** Every permission defined for the grant's resource type, so that an extra one given in Admin is noticed. */
  private static final List<Permission> ALL_PERMISSIONS = Stream.<Permission[]>of(Permissions.values(),
      ProcessDefinitionPermissions.values(), ProcessInstancePermissions.values(), TaskPermissions.values(),
      HistoricProcessInstancePermissions.values(), HistoricTaskPermissions.values(), BatchPermissions.values(),
      SystemPermissions.values(), UserOperationLogCategoryPermissions.values(), OptimizePermissions.values())
      .flatMap(Arrays::stream).toList();

  public record Grant(StaffGroup group, Resource resource, String resourceId, Permission... permissions) {}

  static List<Grant> grants(SharingProperties.Read sharing) {
    List<Grant> grants = new ArrayList<>();
    for (StaffGroup caseWorkers : List.of(ADVISORS, ASSISTANTS)) {
      grants.add(new Grant(caseWorkers, APPLICATION, "tasklist", ACCESS));
      grants.add(new Grant(caseWorkers, USER, ANY, READ));
      grants.add(new Grant(caseWorkers, GROUP, ANY, READ));
      if (sharing == SharingProperties.Read.ALL_STAFF) {
        // plan §10⑤: anyone can continue a colleague's business, so everyone reads every case
        grants.add(new Grant(caseWorkers, PROCESS_DEFINITION, ANY,
            READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK));
        grants.add(new Grant(caseWorkers, PROCESS_INSTANCE, ANY, READ, CREATE));
        grants.add(new Grant(caseWorkers, TASK, ANY, READ));
        grants.add(new Grant(caseWorkers, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(caseWorkers, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
      } else {
        grants.add(new Grant(caseWorkers, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE));
        grants.add(new Grant(caseWorkers, PROCESS_INSTANCE, ANY, CREATE));
      }
    }

    grants.add(new Grant(MANAGERS, APPLICATION, "tasklist", ACCESS));
    grants.add(new Grant(MANAGERS, APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(MANAGERS, PROCESS_DEFINITION, ANY,
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK, TASK_ASSIGN));
    grants.add(new Grant(MANAGERS, PROCESS_INSTANCE, ANY, READ, CREATE));
    grants.add(new Grant(MANAGERS, TASK, ANY, READ, TASK_ASSIGN));
    grants.addAll(readOnlyInsight(MANAGERS));

    // Auditors look, never touch: no task work, no variable change, no instance modification.
    grants.add(new Grant(AUDITORS, APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(AUDITORS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
    grants.add(new Grant(AUDITORS, PROCESS_INSTANCE, ANY, READ));
    grants.add(new Grant(AUDITORS, TASK, ANY, READ));
    grants.addAll(readOnlyInsight(AUDITORS));

    // camunda-admin passes every check as the engine's admin group; the explicit grants keep Admin's
    // authorization pages telling the truth.
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(ADMINS, resource, ANY, ALL));
    }
    return grants;
  }

  private static List<Grant> readOnlyInsight(StaffGroup group) {
    return List.of(
        new Grant(group, DEPLOYMENT, ANY, READ),
        new Grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY),
        new Grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
        new Grant(group, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
        new Grant(group, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
        new Grant(group, USER, ANY, READ),
        new Grant(group, GROUP, ANY, READ));
  }

  /**
   * Creates each grant, or resets it to exactly these permissions, and withdraws a role-wide grant (on all
   * resources of a type, or on a web app) that the list no longer holds: a restart after an upgrade leaves
   * each role with what this class says. Grants on single filters and tasks belong to the filter set-up and
   * the engine, and stay.
   */
  static void apply(AuthorizationService authorizations, SharingProperties sharing) {
    List<Grant> grants = grants(sharing.read());
    Set<String> granted = new HashSet<>();
    for (Grant grant : grants) {
      granted.add(key(grant.group().id(), grant.resource().resourceType(), grant.resourceId()));
    }
    // One query for every role's grants, and a save only where a grant differs: a restart with nothing
    // changed writes nothing (it wrote ~70 grants, each a transaction of its own, at every start).
    String[] groupIds = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).toArray(String[]::new);
    Map<String, Authorization> existingByKey = new HashMap<>();
    for (Authorization existing : authorizations.createAuthorizationQuery()
        .groupIdIn(groupIds).authorizationType(AUTH_TYPE_GRANT).list()) {
      String key = key(existing.getGroupId(), existing.getResourceType(), existing.getResourceId());
      boolean roleWide = ANY.equals(existing.getResourceId())
          || existing.getResourceType() == APPLICATION.resourceType();
      if (roleWide && !granted.contains(key)) {
        authorizations.deleteAuthorization(existing.getId());
      } else {
        existingByKey.putIfAbsent(key, existing);
      }
    }
    for (Grant grant : grants) {
      Authorization authorization = existingByKey.get(
          key(grant.group().id(), grant.resource().resourceType(), grant.resourceId()));
      if (authorization == null) {
        authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group().id());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
      } else if (grantsExactly(authorization, grant)) {
        continue;
      }
      authorization.setPermissions(Arrays.copyOf(grant.permissions(), grant.permissions().length));
      authorizations.saveAuthorization(authorization);
    }
  }

  /**
   * Whether the stored grant holds exactly the grant's permissions: the same answer for every permission
   * of its resource type as a grant written afresh from the list.
   */
  public static boolean grantsExactly(Authorization existing, Grant grant) {
    int resourceType = grant.resource().resourceType();
    int wanted = 0;
    for (Permission permission : grant.permissions()) {
      wanted |= permission.getValue();
    }
    for (Permission permission : ALL_PERMISSIONS) {
      if (Arrays.stream(permission.getTypes()).noneMatch(type -> type.resourceType() == resourceType)) {
        continue;
      }
      // as the engine ORs a grant's permissions into one number
      boolean expected = (wanted & permission.getValue()) == permission.getValue();
      if (existing.isPermissionGranted(permission) != expected) {
        return false;
      }
    }
    return true;
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + "/" + resourceType + "/" + resourceId;
  }

  private RoleAuthorizations() {}
}
