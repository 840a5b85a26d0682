package jp.bansou.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the plan's roles into the engine at every start: groups, their authorizations, the first
 * administrator and (outside production) the demo staff. Existing users keep their passwords.
 */
@Component
class StaffSetup {

  private static final Logger LOG = LoggerFactory.getLogger(StaffSetup.class);

  private final IdentityService identities;
  private final AuthorizationService authorizations;
  private final SecurityProperties properties;

  StaffSetup(IdentityService identities, AuthorizationService authorizations, SecurityProperties properties) {
    this.identities = identities;
    this.authorizations = authorizations;
    this.properties = properties;
  }

  @Order(0)
  @EventListener(ApplicationStartedEvent.class)
  void setUpStaff() {
    for (StaffGroup group : StaffGroup.values()) {
      ensureGroup(group);
    }
    RoleAuthorizations.apply(authorizations);
    ensureUser(properties.admin().id(), "システム", "管理者", properties.admin().password(), StaffGroup.ADMINS);
    if (properties.demo().enabled()) {
      for (SecurityProperties.DemoUser demo : properties.demo().users()) {
        ensureUser(demo.id(), demo.familyName(), demo.givenName(), properties.demo().password(), demo.group());
      }
      LOG.info("Demo staff ready: {} users with the demo password", properties.demo().users().size());
    }
  }

  private void ensureGroup(StaffGroup staffGroup) {
    Group group = identities.createGroupQuery().groupId(staffGroup.id()).singleResult();
    if (group == null) {
      group = identities.newGroup(staffGroup.id());
    }
    group.setName(staffGroup.displayName());
    group.setType("WORKFLOW");
    identities.saveGroup(group);
  }

  private void ensureUser(String id, String firstName, String lastName, String password, StaffGroup group) {
    if (identities.createUserQuery().userId(id).count() == 0) {
      User user = identities.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identities.saveUser(user);
    }
    if (identities.createUserQuery().userId(id).memberOfGroup(group.id()).count() == 0) {
      identities.createMembership(id, group.id());
    }
  }
}
