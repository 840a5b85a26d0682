package jp.bansou.security;

import static jp.bansou.security.StaffGroup.ADVISORS;
import static jp.bansou.security.StaffGroup.ASSISTANTS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who the chamber's staff are, for records that name staff members (contacts, trainings, meetings): the
 * engine's users in the advisors, assistants and managers groups. The plan's §10 targets count advisors and
 * assistants (経営指導員・補助員) as "all staff".
 */
@Component
public class StaffDirectory {

  private final IdentityService identity;

  StaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  /** An advisor, an assistant or a manager (the statutory advisor is a manager and advises too). */
  public boolean isStaff(String userId) {
    return userId != null && (isIn(userId, ADVISORS) || isIn(userId, ASSISTANTS) || isIn(userId, MANAGERS));
  }

  public boolean isManager(String userId) {
    return userId != null && isIn(userId, MANAGERS);
  }

  /** Advisors and assistants: the staff the plan wants trained every year. */
  public Set<String> caseWorkers() {
    Set<String> ids = new LinkedHashSet<>();
    for (StaffGroup group : List.of(ADVISORS, ASSISTANTS)) {
      identity.createUserQuery().memberOfGroup(group.id()).orderByUserId().asc().list()
          .forEach(user -> ids.add(user.getId()));
    }
    return ids;
  }

  /** Staff named in a typed list of user ids ({@code sato, suzuki、takahashi}), by name: 佐藤 一郎、鈴木 美咲、高橋 誠. */
  public String namesOf(Object typedIds) {
    return ids(typedIds).stream().map(this::nameOf).collect(Collectors.joining("、"));
  }

  /** The staff member's name as the web apps show it (佐藤 一郎), else the user id. */
  public String nameOf(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    // as the web apps show it, "first last": the chamber's users carry the family name first (StaffSetup)
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  /**
   * User ids typed as a list: separated by commas, Japanese commas (、，), spaces or full-width spaces.
   * Returns the ids in order, each once.
   */
  public static List<String> ids(Object typed) {
    Set<String> ids = new LinkedHashSet<>();
    if (typed != null) {
      for (String part : typed.toString().split("[,、，\\s\u3000]+")) {
        if (!part.isBlank()) {
          ids.add(part.strip());
        }
      }
    }
    return new ArrayList<>(ids);
  }

  /** The ids of {@code typed} that are not staff members. */
  public List<String> unknown(List<String> ids) {
    return ids.stream().filter(id -> !isStaff(id)).toList();
  }

  private boolean isIn(String userId, StaffGroup group) {
    return identity.createUserQuery().userId(userId).memberOfGroup(group.id()).count() > 0;
  }
}
