package jp.bansou.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A Tasklist filter that Bansō owns: its {@code key} survives renames, its query and its readers are
 * put back at every start.
 *
 * @param key stable identity, stored in the filter's properties
 * @param priority position in Tasklist's filter list, lowest first
 * @param color the filter's colour bar in Tasklist
 * @param readers the roles that see the filter
 * @param query narrows {@code taskService.createTaskQuery()}; expressions are evaluated for the user
 *     looking at the filter
 */
record RoleFilter(
    String key,
    String name,
    String description,
    int priority,
    String color,
    Set<StaffGroup> readers,
    UnaryOperator<TaskQuery> query) {

  static final String KEY_PROPERTY = "bansouFilter";

  TaskQuery query(TaskService tasks) {
    return query.apply(tasks.createTaskQuery());
  }

  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY_PROPERTY, key);
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    // Tasklist refreshes the list by itself, so a task handed over by a colleague shows up without a reload.
    properties.put("refresh", true);
    properties.put("variables", RoleFilters.CARD_VARIABLES);
    return properties;
  }
}
