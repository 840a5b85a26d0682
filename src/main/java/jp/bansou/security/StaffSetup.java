package jp.bansou.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the plan's roles into the engine at every start: groups, their authorizations, the first
 * administrator and (outside production) the demo staff. Existing users keep their passwords, with two
 * exceptions in production (no demo staff): the administrator takes the configured password
 * (BANSOU_ADMIN_PASSWORD) at every start, and any other user still holding the documented demo password stops
 * the start, named, so that a database that once ran the demo never lets {@code sato/demo} into production.
 */
@Component
class StaffSetup {

  private static final Logger LOG = LoggerFactory.getLogger(StaffSetup.class);

  private final IdentityService identities;
  private final AuthorizationService authorizations;
  private final SecurityProperties properties;
  private final SharingProperties sharing;
  private final ProcessEngine engine;

  StaffSetup(IdentityService identities, AuthorizationService authorizations, SecurityProperties properties,
      SharingProperties sharing, ProcessEngine engine) {
    this.engine = engine;
    this.identities = identities;
    this.authorizations = authorizations;
    this.properties = properties;
    this.sharing = sharing;
  }

  @Order(0)
  @EventListener(ApplicationStartedEvent.class)
  void setUpStaff() {
    ensureGroups();
    RoleAuthorizations.apply(authorizations, sharing);
    List<Member> members = new ArrayList<>();
    members.add(new Member(properties.admin().id(), "システム", "管理者", properties.admin().password(),
        StaffGroup.ADMINS));
    if (properties.demo().enabled()) {
      for (SecurityProperties.DemoUser demo : properties.demo().users()) {
        members.add(new Member(demo.id(), demo.familyName(), demo.givenName(), properties.demo().password(),
            demo.group()));
      }
    }
    ensureMembers(members);
    if (properties.demo().enabled()) {
      LOG.info("Demo staff ready: {} users with the demo password", properties.demo().users().size());
    } else {
      refuseDemoPasswords();
    }
  }

  /** A user Bansō creates when missing (the administrator, the demo staff), in the group of its role. */
  private record Member(String id, String firstName, String lastName, String password, StaffGroup group) {}

  private void refuseDemoPasswords() {
    String demoPassword = properties.demo().password();
    if (demoPassword == null || demoPassword.isEmpty()) {
      return;
    }
    String adminId = properties.admin().id();
    if (properties.admin().password().equals(demoPassword)) {
      throw new IllegalStateException(
          "BANSOU_ADMIN_PASSWORD is the documented demo password: production needs its own");
    }
    // The administrator's password is the environment's at every production start, without asking the engine
    // whether it is the demo's: Camunda counts a wrong password as a failed login and locks the user for a
    // while, which locked the administrator out of the first requests after each start (measured: 401).
    User admin = identities.createUserQuery().userId(adminId).singleResult();
    admin.setPassword(properties.admin().password());
    identities.saveUser(admin);
    List<String> withDemoPassword = identities.createUserQuery().orderByUserId().asc().list().stream()
        .filter(user -> !user.getId().equals(adminId))
        .filter(user -> hasPassword(user, demoPassword))
        .map(User::getId)
        .toList();
    if (!withDemoPassword.isEmpty()) {
      throw new IllegalStateException("Users " + withDemoPassword + " still have the documented demo password."
          + " Production does not start with them: give them their own passwords or delete them in Camunda Admin"
          + " (started without the prod profile), or start production on its own database.");
    }
  }

  /**
   * Whether the user's stored password is this one, compared as the engine's login compares it (its password
   * manager, the user's salt) but without being a login: {@code IdentityService.checkPassword} counts a wrong
   * password as a failed attempt and locks the user for a few seconds (so every real user's first login after a
   * production start failed), resets the attempts of a right one, and answers {@code false} for a locked user
   * whatever the password (so a locked user with the demo password slipped through).
   */
  private boolean hasPassword(User user, String password) {
    if (!(user instanceof UserEntity stored) || stored.getPassword() == null) {
      return false;
    }
    PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getPasswordManager();
    return passwords.check(EncryptionUtil.saltPassword(password, stored.getSalt()), stored.getPassword());
  }

  /** One query for the roles' groups; a group is saved only when missing or changed (a restart writes nothing). */
  private void ensureGroups() {
    String[] ids = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).toArray(String[]::new);
    Map<String, Group> existing = identities.createGroupQuery().groupIdIn(ids).list().stream()
        .collect(Collectors.toMap(Group::getId, group -> group));
    for (StaffGroup staffGroup : StaffGroup.values()) {
      Group group = existing.get(staffGroup.id());
      if (group == null) {
        group = identities.newGroup(staffGroup.id());
      } else if (staffGroup.displayName().equals(group.getName()) && "WORKFLOW".equals(group.getType())) {
        continue;
      }
      group.setName(staffGroup.displayName());
      group.setType("WORKFLOW");
      identities.saveGroup(group);
    }
  }

  /**
   * Creates the missing users and memberships; an existing user keeps its names and password. One query for
   * the users and one per group asked for, instead of two per user (a restart is a few hundred ms shorter).
   */
  private void ensureMembers(List<Member> members) {
    Set<String> existing = identities.createUserQuery()
        .userIdIn(members.stream().map(Member::id).toArray(String[]::new)).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    Map<StaffGroup, Set<String>> inGroup = new EnumMap<>(StaffGroup.class);
    for (Member member : members) {
      inGroup.computeIfAbsent(member.group(), group -> identities.createUserQuery().memberOfGroup(group.id())
          .list().stream().map(User::getId).collect(Collectors.toSet()));
    }
    for (Member member : members) {
      if (!existing.contains(member.id())) {
        User user = identities.newUser(member.id());
        user.setFirstName(member.firstName());
        user.setLastName(member.lastName());
        user.setPassword(member.password());
        identities.saveUser(user);
        existing.add(member.id());
      }
      if (inGroup.get(member.group()).add(member.id())) {
        identities.createMembership(member.id(), member.group().id());
      }
    }
  }
}
