package jp.bansou.tasklist;

import java.util.List;
import jp.bansou.system.EngineTableIndexes;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a page of tasks needs beyond Camunda's indexes, so that it costs the page and not the number of open tasks
 * (docs/performance.md "Task list at scale", ADR 0112).
 *
 * <p>The open tasks by due date, the order of every list of {@link RoleFilters}: the engine asks for a page as
 * {@code SELECT DISTINCT} over all task columns {@code ORDER BY DUE_DATE_}; PostgreSQL reads the tasks from this
 * index in due order, sorts only those sharing a due date by the other columns (an incremental sort) and stops after
 * the page, where without it every open task is sorted for each page.
 *
 * <p>On PostgreSQL, the grants that can let anyone read a task (READ on a task, READ_TASK on a process
 * definition), by resource: the engine's task query joins the user's such grants, selected by a bit test no
 * ordinary index answers, so without it every grant in the table is read for every page, one row per open task
 * and candidate. The partial index holds the few role grants (and, under {@code own-businesses}, a task's grant
 * to its advisor in charge), and statistics on the bit tests let the planner know how many. A plan made with the
 * statement's values uses it; PostgreSQL then keeps planning the statement with its values, since a generic plan
 * without the index costs far more. H2 has no partial indexes.
 */
@Component
public class TaskListIndexes {

  static final String TASKS_BY_DUE_DATE = "CREATE INDEX IF NOT EXISTS BANSOU_IDX_TASK_DUE ON ACT_RU_TASK(DUE_DATE_)";
  // READ (2) on a task (resource type 7), READ_TASK (64) on a process definition (6): written as the engine's task
  // query states its check, so that PostgreSQL proves from the statement that the index holds every grant it asks for.
  static final String PG_TASK_READING_GRANTS = "CREATE INDEX IF NOT EXISTS BANSOU_IDX_AUTH_TASK_READ"
      + " ON ACT_RU_AUTHORIZATION(RESOURCE_ID_)"
      + " WHERE RESOURCE_TYPE_ = 7 AND PERMS_ & 2 = 2 OR RESOURCE_TYPE_ = 6 AND PERMS_ & 64 = 64";
  // How many grants pass those bit tests: without statistics on the expressions the planner guesses (500 where
  // own-businesses holds 200,000) and then compares each row of a page with all of a user's grants.
  static final String PG_TASK_READING_STATISTICS = "CREATE STATISTICS IF NOT EXISTS BANSOU_STATS_AUTH_TASK_READ"
      + " ON (PERMS_ & 2), (PERMS_ & 64), RESOURCE_TYPE_ FROM ACT_RU_AUTHORIZATION";

  private final JdbcTemplate jdbc;

  TaskListIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  void createMissing() {
    EngineTableIndexes.createMissing(jdbc, TaskListIndexes::statements);
  }

  /** What {@link #createMissing} runs on PostgreSQL or H2; the task-list benchmark restores them with it. */
  public static List<String> statements(boolean postgres) {
    return postgres ? List.of(TASKS_BY_DUE_DATE, PG_TASK_READING_GRANTS, PG_TASK_READING_STATISTICS)
        : List.of(TASKS_BY_DUE_DATE);
  }
}
