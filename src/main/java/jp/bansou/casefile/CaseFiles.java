package jp.bansou.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.bansou.analysis.AnalysisNames;
import jp.bansou.business.Business;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.dx.DxNames;
import jp.bansou.fair.FairNames;
import jp.bansou.followup.FollowUpNames;
import jp.bansou.plan.PlanNames;
import jp.bansou.referral.ReferralNames;
import jp.bansou.security.StaffDirectory;
import jp.bansou.startup.StartupNames;
import jp.bansou.succession.SuccessionNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Puts a business's case file together from the engine's history: every process instance carrying the
 * business id as business key (all tracks pass it on to the cases they call), its open tasks, and the
 * variables the analysis, plan and referral models record. Who may read it is the caller's decision.
 */
@Service
public class CaseFiles {

  static final String ANALYSIS = AnalysisNames.PROCESS;
  static final String PLAN = PlanNames.PROCESS;
  static final String REFERRAL = ReferralNames.PROCESS;
  static final String VISIT_TASK = FollowUpNames.RECORD_VISIT;

  private static final List<String> BENCHMARK_FIGURES = AnalysisNames.BENCHMARK_FIGURES;
  private static final List<String> PLAN_DETAILS = PlanNames.PLAN_DETAILS;
  private static final List<String> HIGHLIGHTS = Stream.of(FairNames.HIGHLIGHTS, StartupNames.HIGHLIGHTS,
      SuccessionNames.HIGHLIGHTS, DxNames.HIGHLIGHTS).flatMap(List::stream).toList();
  /** Several leads of one business meeting are followed up side by side: their tasks are told apart by it. */
  private static final String TASK_SUBJECT = FairNames.LEAD_COMPANY;

  private static final Map<String, String> STATE_NAMES = Map.of(
      HistoricProcessInstance.STATE_ACTIVE, "進行中",
      HistoricProcessInstance.STATE_SUSPENDED, "保留中",
      HistoricProcessInstance.STATE_COMPLETED, "完了",
      HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, "中止",
      HistoricProcessInstance.STATE_INTERNALLY_TERMINATED, "中止");

  private final HistoryService history;
  private final TaskService tasks;
  private final String engineName;
  private final BusinessCalendar businessCalendar;
  private final StaffDirectory staff;

  CaseFiles(ProcessEngine engine, BusinessCalendar businessCalendar, StaffDirectory staff) {
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.engineName = engine.getName();
    this.businessCalendar = businessCalendar;
    this.staff = staff;
  }

  public CaseFile of(Business business) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(business.id())
        .orderByProcessInstanceStartTime().desc()
        .list();
    Date now = ClockUtil.getCurrentTime();
    Map<String, List<Task>> openTasks = tasks.createTaskQuery().processInstanceBusinessKey(business.id()).list()
        .stream().collect(Collectors.groupingBy(Task::getProcessInstanceId));
    Map<String, Map<String, Object>> variables = variablesOf(instances);
    Map<String, HistoricProcessInstance> byId = instances.stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    Map<String, String> staffNames = new HashMap<>();
    Function<String, String> trackOf = id -> byId.containsKey(id) ? byId.get(id).getProcessDefinitionName() : null;

    List<CaseFile.Case> cases = instances.stream().map(instance -> new CaseFile.Case(
        instance.getId(),
        instance.getProcessDefinitionKey(),
        instance.getProcessDefinitionName(),
        fiscalYear(instance),
        instance.getStartTime(),
        instance.getEndTime(),
        instance.getState(),
        STATE_NAMES.getOrDefault(instance.getState(), instance.getState()),
        instance.getSuperProcessInstanceId(),
        trackOf.apply(instance.getSuperProcessInstanceId()),
        outcome(instance),
        pick(variables.getOrDefault(instance.getId(), Map.of()), HIGHLIGHTS),
        openTasks.getOrDefault(instance.getId(), List.of()).stream()
            .sorted(Comparator.comparing(Task::getCreateTime))
            .map(task -> new CaseFile.OpenTask(task.getId(), task.getName(), subject(task), task.getAssignee(),
                task.getAssignee() == null ? null : staffNames.computeIfAbsent(task.getAssignee(), staff::nameOf),
                task.getDueDate(), overdue(task, now), dueMoved(task)))
            .toList(),
        "/camunda/app/cockpit/" + engineName + "/#/bansou-history/" + instance.getId()))
        .toList();

    List<CaseFile.DueVisit> dueVisits = openTasks.values().stream().flatMap(List::stream)
        .filter(task -> VISIT_TASK.equals(task.getTaskDefinitionKey()))
        .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(task -> new CaseFile.DueVisit(task.getProcessInstanceId(),
            followedUpTrack(byId, task.getProcessInstanceId()),
            task.getName(),
            tasks.getVariable(task.getId(), FollowUpNames.VISIT_NUMBER), task.getDueDate(), overdue(task, now),
            dueMoved(task)))
        .toList();

    List<CaseFile.Benchmark> benchmarks = instances.stream()
        .filter(instance -> ANALYSIS.equals(instance.getProcessDefinitionKey()))
        .filter(instance -> variables.getOrDefault(instance.getId(), Map.of()).containsKey(BENCHMARK_FIGURES.get(0)))
        .map(instance -> new CaseFile.Benchmark(instance.getId(), fiscalYear(instance), instance.getStartTime(),
            pick(variables.get(instance.getId()), BENCHMARK_FIGURES)))
        .toList();

    List<CaseFile.Plan> plans = instances.stream()
        .filter(instance -> PLAN.equals(instance.getProcessDefinitionKey()))
        .map(instance -> new CaseFile.Plan(instance.getId(), fiscalYear(instance),
            STATE_NAMES.getOrDefault(instance.getState(), instance.getState()),
            pick(variables.getOrDefault(instance.getId(), Map.of()), PLAN_DETAILS)))
        .toList();

    List<CaseFile.Referral> referrals = instances.stream()
        .filter(instance -> REFERRAL.equals(instance.getProcessDefinitionKey()))
        .map(instance -> {
          Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
          return new CaseFile.Referral(instance.getId(), fiscalYear(instance),
              STATE_NAMES.getOrDefault(instance.getState(), instance.getState()),
              trackOf.apply(instance.getSuperProcessInstanceId()), values.get(ReferralNames.BODY),
              values.get(ReferralNames.REASON), values.get(ReferralNames.DATE), values.get(ReferralNames.OUTCOME),
              values.get(ReferralNames.OUTCOME_DATE), values.get(ReferralNames.OUTCOME_NOTES));
        })
        .toList();

    return new CaseFile(business, cases, dueVisits, benchmarks, plans, referrals);
  }

  /** The end event a finished case reached on its own level (not one inside a subprocess). */
  private String outcome(HistoricProcessInstance instance) {
    if (instance.getEndTime() == null) {
      return null;
    }
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityType("noneEndEvent").finished().orderByHistoricActivityInstanceEndTime().desc().list().stream()
        .filter(end -> instance.getId().equals(end.getParentActivityInstanceId()))
        .map(HistoricActivityInstance::getActivityName).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private String subject(Task task) {
    Object subject = tasks.getVariable(task.getId(), TASK_SUBJECT);
    return subject == null ? null : subject.toString();
  }

  /** A visit belongs to the track whose follow-up it is: the case that called the visits, if any. */
  private static String followedUpTrack(Map<String, HistoricProcessInstance> byId, String visitsCaseId) {
    HistoricProcessInstance visits = byId.get(visitsCaseId);
    if (visits == null) {
      return null;
    }
    HistoricProcessInstance caller = byId.get(visits.getSuperProcessInstanceId());
    return (caller != null ? caller : visits).getProcessDefinitionName();
  }

  private Map<String, Map<String, Object>> variablesOf(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    if (instances.isEmpty()) {
      return variables;
    }
    List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(names())
        .list();
    for (HistoricVariableInstance variable : found) {
      // The instance's own scope wins over a local copy in a subprocess (a visit's records, a task's input).
      Map<String, Object> values = variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>());
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      } else {
        values.putIfAbsent(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  private static String[] names() {
    List<String> names = new ArrayList<>(BENCHMARK_FIGURES);
    names.addAll(PLAN_DETAILS);
    names.addAll(HIGHLIGHTS);
    names.addAll(ReferralNames.REFERRAL_RECORD);
    return names.toArray(String[]::new);
  }

  private static Map<String, Object> pick(Map<String, Object> values, List<String> names) {
    Map<String, Object> picked = new LinkedHashMap<>();
    for (String name : names) {
      if (values.get(name) != null) {
        picked.put(name, values.get(name));
      }
    }
    return picked;
  }

  private static String fiscalYear(HistoricProcessInstance instance) {
    return FiscalYear.containing(instance.getStartTime()).displayName();
  }

  /**
   * Why a task falls due on another day than planned, 「祝日（敬老の日）のため翌営業日」: models that move a due
   * date to an open day keep the planned one (BusinessCalendar.whyDueMoved, docs/calendar.md).
   */
  private String dueMoved(Task task) {
    if (task.getDueDate() == null) {
      return null;
    }
    return businessCalendar.whyDueMoved(task.getDueDate(), tasks.getVariablesTyped(task.getId(), false))
        .orElse(null);
  }

  private static boolean overdue(Task task, Date now) {
    return task.getDueDate() != null && task.getDueDate().before(now);
  }
}
