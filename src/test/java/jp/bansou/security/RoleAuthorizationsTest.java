package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A restart puts every role back to exactly the rights of SPEC's role table. */
@EngineTest
class RoleAuthorizationsTest {

  @Autowired
  AuthorizationService authorizations;

  @Test
  void aRestartWithdrawsRoleWideGrantsTheRoleTableNoLongerHolds() {
    grant(StaffGroup.ADVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(StaffGroup.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);

    RoleAuthorizations.apply(authorizations, new SharingProperties(null, null));

    assertThat(count(StaffGroup.ADVISORS, Resources.DEPLOYMENT, ANY)).isZero();
    assertThat(count(StaffGroup.AUDITORS, Resources.APPLICATION, "tasklist")).isZero();
    assertThat(count(StaffGroup.ADVISORS, Resources.APPLICATION, "tasklist")).isEqualTo(1);
    assertThat(count(StaffGroup.AUDITORS, Resources.APPLICATION, "cockpit")).isEqualTo(1);
  }

  @Test
  void aRestartLeavesGrantsOnSingleTasksAndFiltersAlone() {
    grant(StaffGroup.ADVISORS, Resources.TASK, "some-task-id", Permissions.READ);

    RoleAuthorizations.apply(authorizations, new SharingProperties(null, null));

    assertThat(count(StaffGroup.ADVISORS, Resources.TASK, "some-task-id")).isEqualTo(1);
  }

  @Test
  void aRestartResetsAWidenedGrantToTheRoleTable() {
    var widened = authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.AUDITORS.id())
        .resourceType(Resources.TASK).resourceId(ANY).singleResult();
    widened.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(widened);

    RoleAuthorizations.apply(authorizations, new SharingProperties(null, null));

    assertThat(authorizations.isUserAuthorized("tanaka", List.of(StaffGroup.AUDITORS.id()),
        Permissions.UPDATE, Resources.TASK, "any-task")).isFalse();
    assertThat(authorizations.isUserAuthorized("tanaka", List.of(StaffGroup.AUDITORS.id()),
        Permissions.READ, Resources.TASK, "any-task")).isTrue();
  }

  @Test
  void aRestartRestoresANarrowedGrantToTheRoleTable() {
    var narrowed = authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.MANAGERS.id())
        .resourceType(Resources.TASK).resourceId(ANY).singleResult();
    narrowed.removePermission(Permissions.TASK_ASSIGN);
    authorizations.saveAuthorization(narrowed);
    assertThat(authorizations.isUserAuthorized("takahashi", List.of(StaffGroup.MANAGERS.id()),
        Permissions.TASK_ASSIGN, Resources.TASK, "any-task")).isFalse();

    RoleAuthorizations.apply(authorizations, new SharingProperties(null, null));

    assertThat(authorizations.isUserAuthorized("takahashi", List.of(StaffGroup.MANAGERS.id()),
        Permissions.TASK_ASSIGN, Resources.TASK, "any-task")).isTrue();
  }

  private void grant(StaffGroup group, Resource resource, String resourceId, Permission permission) {
    var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group.id());
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  private long count(StaffGroup group, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().groupIdIn(group.id()).resourceType(resource)
        .resourceId(resourceId).count();
  }
}
