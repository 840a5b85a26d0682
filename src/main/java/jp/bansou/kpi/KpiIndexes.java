package jp.bansou.kpi;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.system.EngineTableIndexes;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the KPI queries need on the engine's history tables, beyond Camunda's own, created at start when
 * missing ({@link EngineTableIndexes}). Without the first, counting one activity in a year reads every activity of every case; the
 * others answer the per-case look-ups (business key, variable conditions) from the index alone, so a year's
 * report reads no table row of the other years' cases.
 */
@Component
class KpiIndexes {

  // Covering: the year's completions of one activity are read from the index alone, without a table row each.
  static final List<String> COMMON = List.of(
      "DROP INDEX IF EXISTS BANSOU_IDX_HI_ACT_KPI",
      "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_ACTINST_KPI"
          + " ON ACT_HI_ACTINST(ACT_ID_, END_TIME_, PROC_DEF_KEY_, PROC_INST_ID_, ACT_INST_STATE_)",
      "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_PROCINST_KPI ON ACT_HI_PROCINST(PROC_INST_ID_, BUSINESS_KEY_)");

  /**
   * The longest recorded text {@link #PG_DETAIL_DAYS} holds on PostgreSQL: a day as forms record it (yyyy-MM-dd) is
   * 10 characters; a text that long is no day, and keeping longer texts out keeps the index's entries within
   * PostgreSQL's B-tree limit whatever else is recorded.
   */
  static final int RECORDED_DAY_LENGTH = 64;

  // The activity instances that recorded a day (訪問日, the day of feedback) in a year, from the index alone.
  // PostgreSQL: partial, see RECORDED_DAY_LENGTH; H2 has no partial indexes and no entry limit.
  static final String PG_DETAIL_DAYS = "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_DETAIL_KPI"
      + " ON ACT_HI_DETAIL(NAME_, TEXT_, ACT_INST_ID_) WHERE LENGTH(TEXT_) <= " + RECORDED_DAY_LENGTH;
  static final String H2_DETAIL_DAYS = "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_DETAIL_KPI"
      + " ON ACT_HI_DETAIL(NAME_, TEXT_, ACT_INST_ID_)";

  // H2 only: a string variable's TEXT_ (up to 4,000 characters) may exceed PostgreSQL's B-tree entry limit
  // (about 2.7 kB), so an index holding it would make the engine fail to save a long text there.
  static final String H2_VARIABLES = "CREATE INDEX IF NOT EXISTS BANSOU_IDX_HI_VARINST_KPI ON ACT_HI_VARINST(PROC_INST_ID_, NAME_, TEXT_, LONG_)";

  private final JdbcTemplate jdbc;

  KpiIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  void createMissing() {
    EngineTableIndexes.createMissing(jdbc, KpiIndexes::statements);
  }

  static List<String> statements(boolean postgres) {
    List<String> statements = new ArrayList<>(COMMON);
    if (postgres) {
      statements.add(PG_DETAIL_DAYS);
    } else {
      statements.add(H2_DETAIL_DAYS);
      statements.add(H2_VARIABLES);
    }
    return statements;
  }
}
