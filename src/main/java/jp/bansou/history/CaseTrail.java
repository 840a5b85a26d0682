package jp.bansou.history;

import java.util.List;
import java.util.Map;

/**
 * Everything the history knows of one case, ready to read: what it is, the path it took, every figure's
 * changes, comments, incidents, its outcome and the cases it is linked with. Times and values are already in
 * Japanese notation (JapaneseText), so the view, the printable page and the CSV say the same.
 */
record CaseTrail(
    Case summary,
    List<Activity> activities,
    Map<String, Long> passed,
    List<String> current,
    List<VariableChange> variableChanges,
    List<Comment> comments,
    List<Incident> incidents,
    List<Linked> chain) {

  /** @param outcome the end event the case reached (its name in the model), or why it was cancelled */
  record Case(String id, String businessKey, String businessName, String businessKana, String advisor,
      String advisorName, String processKey, String processName, String processDefinitionId, String fiscalYear,
      String state, String stateName, String started, String ended, String duration, String startedBy,
      String outcome) {}

  /** @param completedBy who completed the task (the user operation log), which may differ from its assignee */
  record Activity(String activityId, String name, String type, String started, String ended, String duration,
      String assignee, String assigneeName, String completedBy, String completedByName, String calledCaseId,
      boolean open, long startMillis) {}

  /** @param task the name of the task whose form set it, or null when the engine or a delegate did */
  record VariableChange(String time, String variable, String label, String oldValue, String newValue, String by,
      String byName, String task, long timeMillis) {}

  record Comment(String time, String by, String byName, String task, String text) {}

  /** @param resolution how it ended: 解決済み (the cause was fixed and the step retried), 削除 (with its case) */
  record Incident(String created, String ended, String activity, String type, String message, String state,
      String resolution) {}

  /**
   * A case of the chain: the case that called this one (up to the first), and the cases it called (down to the
   * last). {@code depth} 0 is the first case; {@code self} marks the one shown.
   */
  record Linked(String id, String processName, String businessKey, String stateName, String started, String ended,
      int depth, boolean self) {}
}
