package jp.bansou.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.correction.Correction;
import jp.bansou.correction.RecordCorrections;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Reads one case's trail from the engine's history with the public HistoryService: a handful of queries by
 * process instance id, each answered from the engine's own indexes, so a case opens as fast with 100,000 other
 * cases in the history as with none.
 */
@Service
class CaseTrails {

  /** The engine's bookkeeping of multi-instance activities: no figure anybody entered. */
  private static final Set<String> ENGINE_VARIABLES = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  private static final Set<String> END_EVENTS = Set.of("noneEndEvent", "terminateEndEvent", "errorEndEvent",
      "escalationEndEvent", "messageEndEvent", "signalEndEvent", "compensationEndEvent", "cancelEndEvent");

  private final HistoryService history;
  private final TaskService tasks;
  private final BusinessRegistry registry;
  private final CaseSearch names;
  private final FieldLabels labels;
  private final RecordCorrections corrections;

  CaseTrails(HistoryService history, TaskService tasks, BusinessRegistry registry, CaseSearch names,
      FieldLabels labels, RecordCorrections corrections) {
    this.history = history;
    this.tasks = tasks;
    this.registry = registry;
    this.names = names;
    this.labels = labels;
    this.corrections = corrections;
  }

  Optional<HistoricProcessInstance> instance(String id) {
    return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
  }

  /** Every case of the business, first one first. */
  List<HistoricProcessInstance> casesOf(String businessKey) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime().asc().list();
  }

  CaseTrail trail(HistoricProcessInstance instance) {
    String id = instance.getId();
    // a handful of staff did everything in a case: each name is looked up once per trail, not once per event
    Map<String, String> staffNames = new HashMap<>();
    Function<String, String> staffName = userId -> userId == null ? null
        : staffNames.computeIfAbsent(userId, names::staffName);
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
        .orderByTimestamp().asc().list();
    Map<String, String> userOfOperation = new HashMap<>();
    Map<String, String> completerOfTask = new HashMap<>();
    for (UserOperationLogEntry entry : operations) {
      if (entry.getUserId() != null) {
        userOfOperation.putIfAbsent(entry.getOperationId(), entry.getUserId());
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
            && entry.getTaskId() != null) {
          completerOfTask.putIfAbsent(entry.getTaskId(), entry.getUserId());
        }
      }
    }
    Map<String, HistoricTaskInstance> taskById = history.createHistoricTaskInstanceQuery().processInstanceId(id).list()
        .stream().collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
    Map<String, HistoricActivityInstance> activityById = activities.stream()
        .collect(Collectors.toMap(HistoricActivityInstance::getId, Function.identity()));

    List<CaseTrail.Activity> path = activities.stream()
        .filter(a -> !"multiInstanceBody".equals(a.getActivityType()))
        .map(a -> {
          String completedBy = a.getTaskId() == null ? null : completerOfTask.get(a.getTaskId());
          if (completedBy == null && a.getTaskId() != null && a.getEndTime() != null
              && taskById.containsKey(a.getTaskId())
              && "completed".equals(taskById.get(a.getTaskId()).getDeleteReason())) {
            // completed without a logged-in user (through the engine's API): the assignee was the one holding it
            completedBy = a.getAssignee();
          }
          return new CaseTrail.Activity(a.getActivityId(),
              a.getActivityName() != null ? a.getActivityName() : a.getActivityId(),
              a.getActivityType(), JapaneseText.time(a.getStartTime()), JapaneseText.time(a.getEndTime()),
              JapaneseText.duration(a.getStartTime(), a.getEndTime()), a.getAssignee(),
              staffName.apply(a.getAssignee()),
              completedBy, staffName.apply(completedBy), a.getCalledProcessInstanceId(), a.getEndTime() == null,
              a.getStartTime().getTime());
        }).toList();
    Map<String, Long> passed = activities.stream()
        .collect(Collectors.groupingBy(a -> a.getActivityId().replace("#multiInstanceBody", ""), LinkedHashMap::new,
            Collectors.counting()));
    List<String> current = instance.getEndTime() != null ? List.of() : activities.stream()
        .filter(a -> a.getEndTime() == null && !"multiInstanceBody".equals(a.getActivityType()))
        .map(HistoricActivityInstance::getActivityId).distinct().toList();

    List<CaseTrail.VariableChange> changes = new ArrayList<>();
    Map<String, Object> lastValue = new HashMap<>();
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list();
    details.stream().sorted(Comparator.comparing(HistoricDetail::getTime)).forEach(detail -> {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (ENGINE_VARIABLES.contains(update.getVariableName())) {
        return;
      }
      Object value = valueOf(update);
      String key = update.getVariableInstanceId();
      Object old = lastValue.get(key);
      boolean first = !lastValue.containsKey(key);
      lastValue.put(key, value);
      if (!first && labels.value(update.getVariableName(), old).equals(labels.value(update.getVariableName(), value))) {
        return; // set again to the same value by a later form (5 as a whole number, then as a long): no change
      }
      String task = taskOf(update, taskById, activityById);
      String by = userOfOperation.get(update.getUserOperationId());
      if (by == null && update.getTaskId() != null) {
        by = completerOfTask.get(update.getTaskId());
      }
      if (by == null && update.getActivityInstanceId() != null
          && activityById.containsKey(update.getActivityInstanceId())) {
        HistoricActivityInstance activity = activityById.get(update.getActivityInstanceId());
        by = activity.getTaskId() == null ? null : Optional.ofNullable(completerOfTask.get(activity.getTaskId()))
            .orElse(activity.getAssignee());
      }
      changes.add(new CaseTrail.VariableChange(JapaneseText.time(update.getTime()), update.getVariableName(),
          labels.label(update.getVariableName()), first ? "" : labels.value(update.getVariableName(), old),
          labels.value(update.getVariableName(), value), by, staffName.apply(by), task, update.getTime().getTime()));
    });

    addCorrections(instance, changes, staffName);

    List<CaseTrail.Comment> comments = tasks.getProcessInstanceComments(id).stream()
        .sorted(Comparator.comparing(org.camunda.bpm.engine.task.Comment::getTime))
        .map(comment -> new CaseTrail.Comment(JapaneseText.time(comment.getTime()), comment.getUserId(),
            staffName.apply(comment.getUserId()),
            comment.getTaskId() != null && taskById.containsKey(comment.getTaskId())
                ? taskById.get(comment.getTaskId()).getName() : null,
            comment.getFullMessage()))
        .toList();

    List<CaseTrail.Incident> incidents = history.createHistoricIncidentQuery().processInstanceId(id)
        .orderByCreateTime().asc().list().stream()
        .map(incident -> new CaseTrail.Incident(JapaneseText.time(incident.getCreateTime()),
            JapaneseText.time(incident.getEndTime()), activityName(incident, activities),
            "failedJob".equals(incident.getIncidentType()) ? "処理の失敗" : incident.getIncidentType(),
            incident.getIncidentMessage(), incident.isOpen() ? "未解決" : incident.isResolved() ? "解決済み" : "削除",
            resolution(incident, operations, staffName)))
        .toList();

    return new CaseTrail(summary(instance, activities), path, passed, current, changes, comments, incidents,
        chain(instance));
  }

  /**
   * A §10 record's corrections (ADR 0100) are cases of their own; the record's trail shows each corrected value
   * old → new, by whom and why, among its own changes.
   */
  private void addCorrections(HistoricProcessInstance instance, List<CaseTrail.VariableChange> changes,
      Function<String, String> staffName) {
    String id = instance.getId();
    if (corrections.kindOf(instance.getProcessDefinitionKey()).isEmpty()) {
      return;
    }
    // the values before the first correction: the record's own, as the history holds them
    Map<String, Object> record = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(id).disableCustomObjectDeserialization().list()
        .forEach(variable -> record.putIfAbsent(variable.getName(), variable.getValue()));
    for (Correction correction : corrections.apply(Map.of(id, record)).getOrDefault(id, List.of())) {
      for (Correction.Change change : correction.changes()) {
        changes.add(new CaseTrail.VariableChange(JapaneseText.time(correction.time()), change.variable(),
            labels.label(change.variable()), labels.value(change.variable(), change.before()),
            labels.value(change.variable(), change.after()), correction.by(), staffName.apply(correction.by()),
            "記録の訂正" + (correction.reason() == null ? "" : "（理由: " + correction.reason() + "）"),
            correction.time().getTime()));
      }
    }
    changes.sort(Comparator.comparingLong(CaseTrail.VariableChange::timeMillis));
  }

  private CaseTrail.Case summary(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    Optional<Business> business = Optional.ofNullable(instance.getBusinessKey()).flatMap(registry::find);
    String advisor = business.map(Business::advisor).orElse(null);
    String businessName = business.map(Business::name).orElseGet(() -> {
      var variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName("businessName").disableCustomObjectDeserialization().list();
      return variable.isEmpty() || variable.get(0).getValue() == null ? null : variable.get(0).getValue().toString();
    });
    String state = instance.getState();
    return new CaseTrail.Case(instance.getId(), instance.getBusinessKey(), businessName,
        business.map(Business::nameKana).orElse(null), advisor, names.staffName(advisor),
        instance.getProcessDefinitionKey(), names.processName(instance.getProcessDefinitionId()),
        instance.getProcessDefinitionId(), FiscalYear.containing(instance.getStartTime()).displayName(), state,
        CaseSearch.STATE_NAMES.getOrDefault(state, state), JapaneseText.time(instance.getStartTime()),
        JapaneseText.time(instance.getEndTime()), JapaneseText.duration(instance.getStartTime(), instance.getEndTime()),
        instance.getStartUserId(), outcome(instance, activities));
  }

  /** The end event reached on the case's own level (not one inside a subprocess), or why it was cancelled. */
  private static String outcome(HistoricProcessInstance instance, List<HistoricActivityInstance> activities) {
    if (instance.getEndTime() == null) {
      return null;
    }
    if (!HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
      return "中止" + (instance.getDeleteReason() == null ? "" : "（" + instance.getDeleteReason() + "）");
    }
    return activities.stream()
        .filter(
            a -> END_EVENTS.contains(a.getActivityType()) && instance.getId().equals(a.getParentActivityInstanceId()))
        .max(Comparator.comparing(HistoricActivityInstance::getEndTime,
            Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(a -> a.getActivityName() != null ? a.getActivityName() : a.getActivityId()).orElse("完了");
  }

  /** The whole chain the case belongs to: from the first case (no caller) down through every case called. */
  private List<CaseTrail.Linked> chain(HistoricProcessInstance instance) {
    String root = instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : instance.getId();
    List<HistoricProcessInstance> members = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root)
        .orderByProcessInstanceStartTime().asc().list();
    Map<String, List<HistoricProcessInstance>> calledBy = members.stream()
        .filter(m -> m.getSuperProcessInstanceId() != null)
        .collect(Collectors.groupingBy(HistoricProcessInstance::getSuperProcessInstanceId));
    List<CaseTrail.Linked> chain = new ArrayList<>();
    members.stream().filter(m -> m.getId().equals(root)).findFirst()
        .ifPresent(first -> walk(first, 0, calledBy, instance.getId(), chain));
    return chain;
  }

  private void walk(HistoricProcessInstance member, int depth, Map<String, List<HistoricProcessInstance>> calledBy,
      String self, List<CaseTrail.Linked> chain) {
    chain.add(new CaseTrail.Linked(member.getId(), names.processName(member.getProcessDefinitionId()),
        member.getBusinessKey(), CaseSearch.STATE_NAMES.getOrDefault(member.getState(), member.getState()),
        JapaneseText.time(member.getStartTime()), JapaneseText.time(member.getEndTime()), depth,
        member.getId().equals(self)));
    for (HistoricProcessInstance called : calledBy.getOrDefault(member.getId(), List.of())) {
      walk(called, depth + 1, calledBy, self, chain);
    }
  }

  private static Object valueOf(HistoricVariableUpdate update) {
    try {
      return update.getValue();
    } catch (RuntimeException notReadable) {
      // a serialized object whose class this application no longer has: its type says what it was
      return update.getTypeName();
    }
  }

  private static String taskOf(HistoricVariableUpdate update, Map<String, HistoricTaskInstance> taskById,
      Map<String, HistoricActivityInstance> activityById) {
    if (update.getTaskId() != null && taskById.containsKey(update.getTaskId())) {
      return taskById.get(update.getTaskId()).getName();
    }
    HistoricActivityInstance activity = activityById.get(update.getActivityInstanceId());
    return activity != null && "userTask".equals(activity.getActivityType()) ? activity.getActivityName() : null;
  }

  private static String activityName(HistoricIncident incident, List<HistoricActivityInstance> activities) {
    return activities.stream().filter(a -> a.getActivityId().equals(incident.getActivityId()))
        .map(HistoricActivityInstance::getActivityName).filter(Objects::nonNull).findFirst()
        .orElse(incident.getActivityId());
  }

  /** Who set the failed job's retries again (Cockpit's 「再試行」), and when, from the user operation log. */
  private static String resolution(HistoricIncident incident, List<UserOperationLogEntry> operations,
      Function<String, String> staffName) {
    if (incident.isOpen()) {
      return "";
    }
    if (!incident.isResolved()) {
      return "案件とともに削除";
    }
    Date end = incident.getEndTime();
    return operations.stream()
        .filter(op -> UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES.equals(op.getOperationType())
            || "SetExternalTaskRetries".equals(op.getOperationType()))
        .filter(op -> incident.getConfiguration() == null || op.getJobId() == null
            || incident.getConfiguration().equals(op.getJobId()))
        .filter(op -> !op.getTimestamp().after(end))
        .reduce((a, b) -> b)
        .map(op -> "再試行（" + staffName.apply(op.getUserId()) + "、" + JapaneseText.time(op.getTimestamp()) + "）")
        .orElse("原因が解消され再実行");
  }
}
