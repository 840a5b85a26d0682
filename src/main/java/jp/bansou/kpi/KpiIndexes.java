package jp.bansou.kpi;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the KPI queries need on the engine's history tables, beyond Camunda's own. The engine's schema
 * scripts do not know them, so they are created at start when missing; the statement is the same on H2 and
 * PostgreSQL. Without the first, counting one activity in a year reads every activity of every case.
 */
@Component
class KpiIndexes {

  // Covering: the year's completions of one activity are read from the index alone, without a table row each.
  static final String[] STATEMENTS = {
    "DROP INDEX IF EXISTS BANSOU_IDX_HI_ACT_KPI",
    "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_ACTINST_KPI"
        + " ON ACT_HI_ACTINST(ACT_ID_, END_TIME_, PROC_DEF_KEY_, PROC_INST_ID_, ACT_INST_STATE_)",
  };

  private final JdbcTemplate jdbc;

  KpiIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  void createMissing() {
    for (String statement : STATEMENTS) {
      jdbc.execute(statement);
    }
  }
}
