package jp.bansou.tasklist;

import static jp.bansou.security.StaffGroup.ADVISORS;
import static jp.bansou.security.StaffGroup.ASSISTANTS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters each role finds in Tasklist, so that nobody has to build a query to find their work.
 * Auditors have none: they read history in Cockpit and never work on tasks.
 */
final class RoleFilters {

  /** What every task card shows under the task's name and track: the business, by name and id. */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", DescribeTask.CARD_BUSINESS, "label", "事業者"));

  /**
   * Tasklist opens the visible filter with the lowest priority. Managers see the escalations first, since
   * those wait for nobody else; advisors and assistants, who do not see that filter, land on their own tasks.
   * The overdue visits are the tasks the track that owns the visits publishes ({@link VisitTasks}).
   */
  static List<RoleFilter> all(VisitTasks visits) {
    String[] visitTaskKeys = visits.taskKeys().toArray(String[]::new);
    return List.of(
        new RoleFilter(
            "my-tasks",
            "自分のタスク",
            "自分が担当しているタスク（期限の近い順）",
            -20,
            "#2f6fb0",
            Set.of(ADVISORS, ASSISTANTS, MANAGERS),
            query -> query.taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
        new RoleFilter(
            "group-tasks",
            "グループのタスク",
            "自分のグループに届いた、まだ担当者のいないタスク（期限の近い順）",
            -10,
            "#3c8d40",
            Set.of(ADVISORS, ASSISTANTS),
            query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc()),
        new RoleFilter(
            "overdue-visits",
            "期限切れの巡回訪問",
            "期限を過ぎても記録されていない巡回訪問（期限の古い順）",
            0,
            "#c0392b",
            Set.of(ADVISORS, ASSISTANTS, MANAGERS),
            query -> query.taskDefinitionKeyIn(visitTaskKeys).dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new RoleFilter(
            "escalations",
            "エスカレーション",
            "法定経営指導員・事務局に回ってきたタスク（担当者の有無を問わず、期限の近い順）",
            -30,
            "#e67e22",
            Set.of(MANAGERS),
            query -> query.taskCandidateGroup(MANAGERS.id()).includeAssignedTasks().orderByDueDate().asc()));
  }

  private RoleFilters() {}
}
