package jp.bansou.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's tables whose rows carry a case's removal time (every {@code ACT_HI_*} table of a process
 * instance, the history's byte arrays, historic instance permissions), read from PostgreSQL's catalogue so
 * that a table the engine adds in a later version is counted too. Counts rows per case and copies a case's
 * rows under new ids with shifted timestamps.
 */
final class HistoryTables {

  /**
   * Columns that hold the id of a case's own rows (its instances, executions, tasks, variables, byte arrays,
   * jobs, incidents): a copy suffixes them so that it is a case of its own. Ids of definitions, activities,
   * users and groups stay as they are.
   */
  private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
      "execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_", "call_proc_inst_id_",
      "super_process_instance_id_", "bytearray_id_", "var_inst_id_", "job_id_", "job_exception_stack_id_",
      "parent_task_id_", "content_id_", "cause_incident_id_", "root_cause_incident_id_", "operation_id_",
      "ext_task_id_", "error_details_id_", "scope_act_inst_id_");

  private final JdbcTemplate jdbc;
  private final List<String> tables;

  HistoryTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.tables = jdbc.queryForList("""
        select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'removal_time_'
          and table_name in (select table_name from information_schema.columns
                             where table_schema = current_schema() and column_name = 'root_proc_inst_id_')
        order by table_name""", String.class);
  }

  List<String> names() {
    return tables;
  }

  /** Rows per table of the finished root cases of each process (key), divided by their number. */
  Map<String, Map<String, Double>> rowsPerFinishedCase() {
    Map<String, Long> cases = new LinkedHashMap<>();
    jdbc.query("""
        select proc_def_key_, count(*) from act_hi_procinst
        where end_time_ is not null and proc_inst_id_ = root_proc_inst_id_ group by proc_def_key_ order by 1""",
        row -> {
          cases.put(row.getString(1), row.getLong(2));
        });
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    cases.forEach((process, count) -> {
      Map<String, Double> perTable = new LinkedHashMap<>();
      double total = 0;
      for (String table : tables) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " t join act_hi_procinst p"
            + " on p.proc_inst_id_ = t.root_proc_inst_id_ where p.end_time_ is not null"
            + " and p.proc_inst_id_ = p.root_proc_inst_id_ and p.proc_def_key_ = ?", Long.class, process);
        if (n > 0) {
          perTable.put(table, BenchResults.round(n / (double) count, 1));
          total += n / (double) count;
        }
      }
      perTable.put("total", BenchResults.round(total, 1));
      perTable.put("cases", count.doubleValue());
      rows.put(process, perTable);
    });
    return rows;
  }

  /** Rows of finished root cases that carry no removal time: the engine's cleanup would never remove them. */
  Map<String, Long> rowsOfFinishedCasesWithoutRemovalTime() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      Long n = jdbc.queryForObject("select count(*) from " + table + " t join act_hi_procinst p"
          + " on p.proc_inst_id_ = t.root_proc_inst_id_ where p.end_time_ is not null and t.removal_time_ is null",
          Long.class);
      if (n > 0) {
        rows.put(table, n);
      }
    }
    return rows;
  }

  /** Rows per table whose removal time is at or before {@code cutoff} (a timestamp literal's SQL). */
  Map<String, Long> rowsRemovableAt(String cutoffSql) {
    return rowsWhere("removal_time_ <= " + cutoffSql);
  }

  /** Rows per table whose removal time is later than {@code cutoff}: cases the cleanup must keep. */
  Map<String, Long> rowsKeptAt(String cutoffSql) {
    return rowsWhere("removal_time_ > " + cutoffSql);
  }

  private Map<String, Long> rowsWhere(String condition) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where " + condition, Long.class));
    }
    return rows;
  }

  /** Rows of the cases listed in {@code rootsTable} (column id_) left in each table, whatever their removal time. */
  Map<String, Long> rowsOf(String rootsTable) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      Long n = jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ in (select id_ from "
          + rootsTable + ")", Long.class);
      if (n > 0) {
        rows.put(table, n);
      }
    }
    return rows;
  }

  /**
   * Copies the rows of the cases in {@code copies} (columns template_ = a root case's id, suffix_ = what its
   * copy's ids get appended, shift_ = an interval added to every timestamp) into every table: each copy is a
   * case of the template's exact shape whose removal time, start and end are moved by its shift. Written oldest
   * first, as a history grows: the cases that expire first lie at the front of each table.
   */
  void copyCases(String copies) {
    for (String table : tables) {
      List<String> columns = new ArrayList<>();
      List<String> values = new ArrayList<>();
      jdbc.query("select column_name, data_type from information_schema.columns where table_schema = current_schema()"
          + " and table_name = ? order by ordinal_position", row -> {
            String column = row.getString(1);
            String type = row.getString(2);
            columns.add(column);
            if (INSTANCE_IDS.contains(column) && type.startsWith("character")) {
              // the same id gets the same new id in every table; long ids (activity instance ids are the activity's
              // id and a UUID) lose their last characters to the suffix so that they keep within the column
              values.add("case when length(t." + column + ") > 48 then left(t." + column + ", length(t." + column
                  + ") - length(c.suffix_)) || c.suffix_ else t." + column + " || c.suffix_ end");
            } else if (type.startsWith("timestamp")) {
              values.add("t." + column + " + c.shift_");
            } else {
              values.add("t." + column);
            }
          }, table);
      jdbc.execute("insert into " + table + " (" + String.join(", ", columns) + ") select "
          + values.stream().collect(Collectors.joining(", ")) + " from " + table + " t join " + copies
          + " c on t.root_proc_inst_id_ = c.template_ order by t.removal_time_ + c.shift_");
    }
  }
}
