package jp.bansou.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.followup.FollowUpNames;
import jp.bansou.security.StaffGroup;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class TasklistFiltersTest {

  @Autowired
  TasklistFilterSetup setup;
  @Autowired
  FilterService filters;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identities;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  VisitTasks visits;

  @AfterEach
  void logOut() {
    identities.clearAuthentication();
  }

  @Test
  void eachRoleFilterExistsOnceAfterTheSetUpRunsAgain() {
    setup.setUpFilters();
    setup.setUpFilters();

    for (RoleFilter definition : RoleFilters.all(visits)) {
      assertThat(filtersWithKey(definition.key())).as(definition.key()).hasSize(1);
      assertThat(filters.createTaskFilterQuery().filterName(definition.name()).count()).isEqualTo(1);
    }
  }

  @Test
  void aChangedFilterIsPutBackAtTheNextStart() {
    Filter filter = filtersWithKey("group-tasks").get(0);
    filter.setName("誰かが変えた名前");
    filter.setQuery(tasks.createTaskQuery().taskAssignee("nobody"));
    filters.saveFilter(filter);

    setup.setUpFilters();

    Filter repaired = filters.getFilter(filter.getId());
    assertThat(repaired.getName()).isEqualTo("グループのタスク");
    assertThat(filtersWithKey("group-tasks")).hasSize(1);
  }

  @Test
  void aRestartWithNothingChangedWritesNoFilter() {
    setup.setUpFilters();
    Map<String, Integer> revisions = revisionsOfRoleFilters();

    setup.setUpFilters();

    assertThat(revisionsOfRoleFilters()).isEqualTo(revisions);
  }

  @Test
  void aFilterWhoseCriteriaAloneWereChangedIsPutBack() {
    Filter filter = filtersWithKey("group-tasks").get(0);
    filter.setQuery(tasks.createTaskQuery().taskAssignee("nobody"));
    filters.saveFilter(filter);

    setup.setUpFilters();

    TaskQueryImpl repaired = filters.getFilter(filter.getId()).getQuery();
    assertThat(repaired.getAssignee()).isNull();
    assertThat(repaired.getExpressions()).containsValue("${currentUserGroups()}");
  }

  @Test
  void aFilterWhoseColourAloneWasChangedIsPutBack() {
    Filter filter = filtersWithKey("my-tasks").get(0);
    Map<String, Object> properties = new HashMap<>(filter.getProperties());
    properties.put("color", "#000000");
    filter.setProperties(properties);
    filters.saveFilter(filter);

    setup.setUpFilters();

    assertThat(filters.getFilter(filter.getId()).getProperties()).containsEntry("color", "#2f6fb0");
  }

  private Map<String, Integer> revisionsOfRoleFilters() {
    Map<String, Integer> revisions = new HashMap<>();
    for (RoleFilter definition : RoleFilters.all(visits)) {
      FilterEntity stored = (FilterEntity) filtersWithKey(definition.key()).get(0);
      revisions.put(definition.key(), stored.getRevision());
    }
    return revisions;
  }

  @Test
  void anAdvisorsGroupFilterListsATaskOfTheAdvisorsGroup() {
    Task task = tasks.newTask();
    task.setName("T-" + UUID.randomUUID());
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), StaffGroup.ADVISORS.id());
    try {
      identities.setAuthentication("sato", List.of(StaffGroup.ADVISORS.id()));
      Filter groupTasks = visibleFilterNamed("グループのタスク");

      List<Task> listed = filters.list(groupTasks.getId());

      assertThat(listed).extracting(Task::getId).contains(task.getId());
    } finally {
      identities.clearAuthentication();
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void eachRoleSeesTheFiltersMeantForIt() {
    // no list of every task, although under all-staff they may read every task (ADR 0097)
    assertThat(visibleFilterNamesOf("sato", StaffGroup.ADVISORS))
        .containsExactlyInAnyOrder("自分のタスク", "グループのタスク", "期限切れの巡回訪問");
    assertThat(visibleFilterNamesOf("suzuki", StaffGroup.ASSISTANTS))
        .containsExactlyInAnyOrder("自分のタスク", "グループのタスク", "期限切れの巡回訪問");
    assertThat(visibleFilterNamesOf("takahashi", StaffGroup.MANAGERS))
        .contains("自分のタスク", "期限切れの巡回訪問", "エスカレーション");
    assertThat(visibleFilterNamesOf("tanaka", StaffGroup.AUDITORS)).isEmpty();
  }

  @Test
  void anEscalatedTaskStaysInTheManagersFilterWhenClaimed() {
    Task task = tasks.newTask();
    task.setName("T-" + UUID.randomUUID());
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), StaffGroup.MANAGERS.id());
    tasks.claim(task.getId(), "takahashi");
    try {
      identities.setAuthentication("takahashi", List.of(StaffGroup.MANAGERS.id()));

      List<Task> listed = filters.list(visibleFilterNamed("エスカレーション").getId());

      assertThat(listed).extracting(Task::getId).contains(task.getId());
    } finally {
      identities.clearAuthentication();
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void aVisitPastItsDueDateIsListedInTheAdvisorsOverdueVisits() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2025, 4, 1, 9, 0));
    ProcessInstance followUp = runtime.createProcessInstanceByKey("follow-up-visits")
        .businessKey("T-" + UUID.randomUUID())
        .setVariables(Variables.putValue("advisor", "sato")
            .putValue("businessName", "留萌テスト商店")
            .putValue("industry", "小売業")
            .putValue("employees", 3)
            .putValue("followUpTrack", "plan")
            .putValue("visitInterval", "P3M")
            .putValue("visitCount", 1))
        .execute();
    clock.setTo(LocalDateTime.of(2025, 7, 1, 9, 0));
    clock.executeDueJobs(followUp.getId());
    Task visit = tasks.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit")
        .singleResult();
    LocalDateTime due = LocalDateTime.ofInstant(visit.getDueDate().toInstant(), EngineClock.JAPAN);

    clock.setTo(due.minusMinutes(1));
    assertThat(overdueVisitsOfSato()).doesNotContain(visit.getId());

    clock.setTo(due.plusMinutes(1));
    assertThat(overdueVisitsOfSato()).contains(visit.getId());
  }

  @Test
  void theOverdueVisitsFilterListsEveryVisitTaskTheFollowUpPublishes() {
    assertThat(visits.taskKeys()).containsExactlyInAnyOrderElementsOf(FollowUpNames.VISIT_TASKS);
  }

  private List<String> overdueVisitsOfSato() {
    identities.setAuthentication("sato", List.of(StaffGroup.ADVISORS.id()));
    try {
      return filters.<Task>list(visibleFilterNamed("期限切れの巡回訪問").getId()).stream().map(Task::getId).toList();
    } finally {
      identities.clearAuthentication();
    }
  }

  private List<Filter> filtersWithKey(String key) {
    return filters.createTaskFilterQuery().list().stream()
        .filter(filter -> filter.getProperties() != null
            && key.equals(filter.getProperties().get(RoleFilter.KEY_PROPERTY)))
        .toList();
  }

  private List<String> visibleFilterNamesOf(String user, StaffGroup group) {
    identities.setAuthentication(user, List.of(group.id()));
    try {
      return filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identities.clearAuthentication();
    }
  }

  private Filter visibleFilterNamed(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult();
  }
}
