package jp.bansou.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import jp.bansou.security.StaffGroup;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an advisor and a manager find in Tasklist: every task names its business, managers land on escalations. */
@EngineTest
class WorkingDayInTasklistTest {

  @Autowired
  BusinessRegistry registry;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;
  @Autowired
  IdentityService identities;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  @AfterEach
  void logOut() {
    identities.clearAuthentication();
  }

  @Test
  void aVisitTaskNamesTheBusinessTheTrackTheVisitNumberTheDueDateAndTheAdvisor() {
    String businessId = registerBusiness("留萌かずの子食品", "ルモイカズノコショクヒン");
    Task visit = firstVisitOf(startFollowUp(businessId));

    String due = LocalDate.ofInstant(visit.getDueDate().toInstant(), ZoneId.of("Asia/Tokyo")).toString().replace('-',
        '/');
    assertThat(visit.getDescription())
        .contains("事業者: 留萌かずの子食品（" + businessId + "）")
        .contains("支援: 計画策定後のフォローアップ")
        .contains("巡回訪問: 1回目")
        .contains("期限: " + due)
        .contains("担当経営指導員: 佐藤 一郎")
        .contains("経営カルテ: /casefile/?id=" + businessId);
  }

  @Test
  void everyTaskCardShowsTheBusinessNameAndId() {
    String businessId = registerBusiness("留萌カード商店", null);
    Task visit = firstVisitOf(startFollowUp(businessId));

    for (Filter filter : filters.createTaskFilterQuery().list()) {
      if (filter.getProperties() != null && filter.getProperties().containsKey(RoleFilter.KEY_PROPERTY)) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> variables = (List<Map<String, String>>) filter.getProperties().get("variables");
        assertThat(variables).as(filter.getName()).extracting(variable -> variable.get("name"))
            .containsExactly(DescribeTask.CARD_BUSINESS);
      }
    }
    assertThat(tasks.getVariableLocal(visit.getId(), DescribeTask.CARD_BUSINESS))
        .isEqualTo("留萌カード商店（" + businessId + "）");
    // the follow-up was called with the name only; the id is put on the case for the card
    assertThat(runtime.getVariable(visit.getProcessInstanceId(), "businessId")).isEqualTo(businessId);
    assertThat(runtime.getVariable(visit.getProcessInstanceId(), "businessName")).isEqualTo("留萌カード商店");
  }

  @Test
  void theTaskListIsNarrowedToABusinessByNameKanaOrId() {
    String businessId = registerBusiness("留萌ほたて水産", "ルモイホタテスイサン");
    Task visit = firstVisitOf(startFollowUp(businessId));
    registerBusinessWithVisit("留萌別商店", "ルモイベツショウテン");

    for (String typed : List.of("ほたて", "ホタテスイサン", businessId)) {
      List<String> found = tasks.createTaskQuery()
          .processVariableValueLike(DescribeTask.BUSINESS_SEARCH, "%" + typed + "%")
          .list().stream().map(Task::getId).toList();
      assertThat(found).as(typed).containsExactly(visit.getId());
    }
  }

  @Test
  void aManagerLandsOnTheEscalationsAndAnAdvisorOnHisOwnTasks() {
    assertThat(firstFilterOf("takahashi", StaffGroup.MANAGERS)).isEqualTo("エスカレーション");
    assertThat(firstFilterOf("sato", StaffGroup.ADVISORS)).isEqualTo("自分のタスク");
    assertThat(firstFilterOf("suzuki", StaffGroup.ASSISTANTS)).isEqualTo("自分のタスク");
  }

  @Test
  void anEscalationCarriesTheDueDateOfTheLateVisitAndUndatedTasksComeLast() {
    EngineClock clock = new EngineClock(management);
    String businessId = registerBusiness("留萌遅延商店", null);
    ProcessInstance followUp = startFollowUp(businessId, clock);
    clock.setTo(LocalDateTime.of(2025, 7, 1, 9, 0));
    clock.executeDueJobs(followUp.getId());
    Task visit = tasks.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit")
        .singleResult();
    clock.setTo(LocalDateTime.of(2025, 8, 20, 9, 0));
    clock.executeDueJobs(followUp.getId());
    Task reminder = tasks.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("PlanLateVisit")
        .singleResult();
    Task escalation = tasks.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("HandleLateVisit")
        .singleResult();
    assertThat(reminder.getDueDate()).isEqualTo(visit.getDueDate());
    assertThat(escalation.getDueDate()).isEqualTo(visit.getDueDate());

    Task undated = tasks.newTask();
    undated.setName("期限のないタスク-" + UUID.randomUUID());
    tasks.saveTask(undated);
    tasks.addCandidateGroup(undated.getId(), StaffGroup.MANAGERS.id());
    try {
      identities.setAuthentication("takahashi", List.of(StaffGroup.MANAGERS.id()));
      Filter escalations = filters.createTaskFilterQuery().filterName("エスカレーション").singleResult();
      List<Task> listed = filters.list(escalations.getId());

      assertThat(listed).extracting(Task::getId).contains(escalation.getId(), undated.getId());
      assertThat(listed.get(listed.size() - 1).getDueDate()).isNull();
      assertThat(listed.stream().map(Task::getId).toList().indexOf(escalation.getId()))
          .isLessThan(listed.stream().map(Task::getId).toList().indexOf(undated.getId()));
    } finally {
      identities.clearAuthentication();
      tasks.deleteTask(undated.getId(), true);
    }
  }

  @Test
  void staffAreOfferedOnlyTheTracksTheyStartByHandEachWithAStartForm() {
    List<ProcessDefinition> startable = repository.createProcessDefinitionQuery()
        .latestVersion().startableInTasklist().list();

    assertThat(startable.stream().map(ProcessDefinition::getKey).collect(Collectors.toSet())).isEqualTo(Set.of(
        "management-analysis", "business-plan", "startup", "business-succession", "trade-fair",
        "business-meeting", "demand-survey", "tasting-survey", "dx-follow-up",
        // plan §10: a consultation or visit record, an external training attended
        "consultation", "external-training"));
    assertThat(startable).allSatisfy(definition -> assertThat(repository.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(StartEvent.class).stream().anyMatch(start -> start.getCamundaFormRef() != null))
        .as(definition.getKey() + " has a start form").isTrue());
  }

  @Test
  void aDemandSurveyStartedByHandForABusinessMeetingCountsAsAFairQuestionnaire() {
    String businessId = registerBusiness("留萌商談会食品", null);
    identities.setAuthentication("sato", List.of(StaffGroup.ADVISORS.id()));
    ProcessInstance survey = runtime.startProcessInstanceByKey("demand-survey", Variables
        .putValue("businessId", businessId)
        .putValue("productName", "数の子松前漬")
        .putValue("surveyOccasion", "北海道 ビジネスEXPO 2026/11/06")
        .putValue("surveyDueDate", "2026-11-20"));
    identities.clearAuthentication();

    assertThat(survey.getBusinessKey()).isEqualTo(businessId);
    assertThat(runtime.getVariable(survey.getId(), "surveyKind")).isEqualTo("fair");
    assertThat(runtime.getVariable(survey.getId(), "advisor")).isEqualTo("sato");
    Task record = tasks.createTaskQuery().processInstanceId(survey.getId()).singleResult();
    assertThat(LocalDate.ofInstant(record.getDueDate().toInstant(), ZoneId.of("Asia/Tokyo")))
        .isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(record.getDescription()).contains("事業者: 留萌商談会食品（" + businessId + "）", "支援: 需要動向調査");
    runtime.deleteProcessInstance(survey.getId(), "test");
  }

  private String firstFilterOf(String user, StaffGroup group) {
    identities.setAuthentication(user, List.of(group.id()));
    try {
      return filters.createTaskFilterQuery().list().stream()
          .filter(
              filter -> filter.getProperties() != null && filter.getProperties().containsKey(RoleFilter.KEY_PROPERTY))
          .min(Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
          .map(Filter::getName)
          .orElseThrow();
    } finally {
      identities.clearAuthentication();
    }
  }

  private String registerBusiness(String name, String kana) {
    String id = "T-" + UUID.randomUUID();
    registry.save(new Business(id, name, kana, LegalForm.CORPORATION, "製造業", 4, null, null, null, null, null,
        true, "sato"));
    return id;
  }

  private void registerBusinessWithVisit(String name, String kana) {
    firstVisitOf(startFollowUp(registerBusiness(name, kana)));
  }

  private ProcessInstance startFollowUp(String businessId) {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2025, 4, 1, 9, 0));
    return startFollowUp(businessId, clock);
  }

  private ProcessInstance startFollowUp(String businessId, EngineClock clock) {
    clock.setTo(LocalDateTime.of(2025, 4, 1, 9, 0));
    return runtime.createProcessInstanceByKey("follow-up-visits")
        .businessKey(businessId)
        .setVariables(Variables.putValue("advisor", "sato")
            .putValue("businessName", registry.find(businessId).orElseThrow().name())
            .putValue("industry", "製造業")
            .putValue("employees", 4)
            .putValue("followUpTrack", "plan")
            .putValue("visitInterval", "P3M")
            .putValue("visitCount", 1))
        .execute();
  }

  private Task firstVisitOf(ProcessInstance followUp) {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2025, 7, 1, 9, 0));
    clock.executeDueJobs(followUp.getId());
    return tasks.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit").singleResult();
  }
}
