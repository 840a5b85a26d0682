package jp.bansou.kpi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanClock;
import jp.bansou.correction.RecordCorrections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each measure counts, per case and fiscal year, kept in {@code BANSOU_KPI_COUNT} (ADR 0113): a year's report
 * adds up the year's rows instead of searching all history for the year's events, so it costs the year's cases,
 * not the history's. The rows are derived from the engine's history only: a measure is counted from all history
 * the first time it is asked for (a new row in the targets file, a new Bansō version that counts differently), and
 * after that only the cases {@link RecountChangedCases} noted as changed are counted again, each from its own
 * history, before every report. A case the history cleanup removed is dropped once its removal time has passed.
 */
@Component
class KpiCounts {

  private static final Logger LOG = LoggerFactory.getLogger(KpiCounts.class);
  /** Part of every measure's key: a Bansō version that counts differently changes it, and the counts are taken anew. */
  private static final String COUNTING_VERSION = "1";
  /** ACT_HI_ACTINST.ACT_INST_STATE_ of an activity that was cancelled rather than completed. */
  private static final int CANCELED = 2;
  /**
   * The longest recorded text that can be a day (yyyy-MM-dd as forms write it, 10 characters); a longer text is
   * no day and never counts.
   */
  private static final int RECORDED_DAY_LENGTH = 64;
  /** Cases looked up per query when recounting, so the statement stays small whatever has changed. */
  private static final int CASES_PER_QUERY = 500;
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final RecordCorrections corrections;

  KpiCounts(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RecordCorrections corrections) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.corrections = corrections;
  }

  /** Every measure the targets count by: each row's own, and those it divides by. */
  static Set<Measure> measuresOf(PlanTargets targets) {
    Set<Measure> measures = new LinkedHashSet<>();
    for (TargetRow row : targets.rows()) {
      if (row.measure() != null) {
        measures.add(row.measure());
      }
      if (row.rateOf() != null && row.rateOf().cases() != null) {
        measures.add(row.rateOf().cases());
      }
      if (row.perBusinessOf() != null) {
        measures.add(row.perBusinessOf());
      }
    }
    return measures;
  }

  /** The key of a measure's rows: the same measure in two rows (or two targets files) shares them. */
  static String key(Measure measure) {
    String identity = String.join("|", COUNTING_VERSION, measure.process(), String.valueOf(measure.activity()),
        String.valueOf(measure.dateVariable()), String.valueOf(measure.passed()),
        new TreeMap<>(measure.where()).toString(), String.valueOf(measure.sumVariable()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Brings the counts of these measures up to date with the history committed so far, in one transaction under
   * the refresh lock (one node at a time). A measure counted before but not among these, when cases changed, is
   * forgotten rather than left behind: it is counted anew when next asked for.
   */
  void refresh(Collection<Measure> measures) {
    transactions.executeWithoutResult(status -> {
      jdbc.queryForObject("SELECT ID FROM BANSOU_KPI_REFRESH WHERE ID = 1 FOR UPDATE", Integer.class);
      Map<String, Measure> asked = new LinkedHashMap<>();
      measures.forEach(measure -> asked.put(key(measure), measure));
      Set<String> counted = new LinkedHashSet<>(
          jdbc.queryForList("SELECT MEASURE_KEY FROM BANSOU_KPI_MEASURE", String.class));
      for (Map.Entry<String, Measure> measure : asked.entrySet()) {
        if (!counted.contains(measure.getKey())) {
          countAll(measure.getKey(), measure.getValue());
        }
      }
      List<Long> notes = new ArrayList<>();
      Set<String> changed = new LinkedHashSet<>();
      jdbc.query("SELECT ID, CASE_ID FROM BANSOU_KPI_STALE", (RowCallbackHandler) rs -> {
        notes.add(rs.getLong(1));
        changed.add(rs.getString(2));
      });
      if (!changed.isEmpty()) {
        List<String> cases = withCorrectedCases(changed);
        for (String forgotten : counted) {
          if (!asked.containsKey(forgotten)) {
            jdbc.update("DELETE FROM BANSOU_KPI_COUNT WHERE MEASURE_KEY = ?", forgotten);
            jdbc.update("DELETE FROM BANSOU_KPI_MEASURE WHERE MEASURE_KEY = ?", forgotten);
          }
        }
        for (List<String> chunk : chunks(cases)) {
          for (Map.Entry<String, Measure> measure : asked.entrySet()) {
            if (counted.contains(measure.getKey())) {
              recount(measure.getKey(), measure.getValue(), chunk);
            }
          }
          takeRemovalTimes(chunk);
        }
        // exactly the notes read: a note committed since then is left for the next refresh
        jdbc.batchUpdate("DELETE FROM BANSOU_KPI_STALE WHERE ID = ?",
            notes.stream().map(id -> new Object[]{id}).toList());
      }
      // bounded below too: H2 reads an open range (<= ?) from its index's start, where the nulls of cases still
      // running or kept are, and would read every count to find none
      jdbc.update("DELETE FROM BANSOU_KPI_COUNT c WHERE c.REMOVAL_TIME >= ? AND c.REMOVAL_TIME <= ? AND NOT EXISTS "
          + "(SELECT 1 FROM ACT_HI_PROCINST p WHERE p.PROC_INST_ID_ = c.CASE_ID)", Timestamp.from(Instant.EPOCH),
          Timestamp.from(PlanClock.now()));
    });
  }

  /** A finished correction changes the case it corrects: that case is counted again too. */
  private List<String> withCorrectedCases(Set<String> changed) {
    Set<String> cases = new LinkedHashSet<>(changed);
    for (List<String> chunk : chunks(changed)) {
      List<Object> parameters = new ArrayList<>(List.of(RecordCorrections.PROCESS, RecordCorrections.CORRECTED_CASE));
      parameters.addAll(chunk);
      cases.addAll(jdbc.queryForList("SELECT v.TEXT_ FROM ACT_HI_VARINST v WHERE v.PROC_DEF_KEY_ = ? AND v.NAME_ = ? "
          + "AND v.TEXT_ IS NOT NULL AND v.PROC_INST_ID_ IN (" + placeholders(chunk.size()) + ")", String.class,
          parameters.toArray()));
    }
    return new ArrayList<>(cases);
  }

  /** A hierarchy's cases take their removal time from the root's end, which the root's note stands for. */
  private void takeRemovalTimes(List<String> roots) {
    jdbc.update("UPDATE BANSOU_KPI_COUNT SET REMOVAL_TIME = (SELECT p.REMOVAL_TIME_ FROM ACT_HI_PROCINST p "
        + "WHERE p.PROC_INST_ID_ = BANSOU_KPI_COUNT.CASE_ID) WHERE ROOT_CASE_ID IN (" + placeholders(roots.size())
        + ")",
        roots.toArray());
  }

  private void countAll(String key, Measure measure) {
    long started = System.nanoTime();
    jdbc.update("DELETE FROM BANSOU_KPI_COUNT WHERE MEASURE_KEY = ?", key);
    int rows = insert(key, count(measure, null));
    jdbc.update("INSERT INTO BANSOU_KPI_MEASURE (MEASURE_KEY, BUILT_AT) VALUES (?, ?)", key,
        Timestamp.from(PlanClock.now()));
    LOG.info("KPI measure {} counted from all history: {} case-years in {} ms", describe(measure), rows,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void recount(String key, Measure measure, List<String> cases) {
    List<Object> parameters = new ArrayList<>(List.of(key));
    parameters.addAll(cases);
    jdbc.update("DELETE FROM BANSOU_KPI_COUNT WHERE MEASURE_KEY = ? AND CASE_ID IN (" + placeholders(cases.size())
        + ")", parameters.toArray());
    insert(key, count(measure, cases));
  }

  private int insert(String key, Collection<CaseYear> rows) {
    List<Object[]> values = rows.stream().map(r -> new Object[]{key, r.year, r.caseId, r.rootCaseId, r.businessKey,
        r.n, r.n1, r.firstAt, r.amount, r.removalTime}).toList();
    for (int from = 0; from < values.size(); from += 1000) {
      jdbc.batchUpdate("INSERT INTO BANSOU_KPI_COUNT (MEASURE_KEY, FISCAL_YEAR, CASE_ID, ROOT_CASE_ID, BUSINESS_KEY, "
          + "N, N1, FIRST_AT, AMOUNT, REMOVAL_TIME) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          values.subList(from, Math.min(values.size(), from + 1000)));
    }
    return values.size();
  }

  /**
   * The measure's events of these cases (all cases when null), each placed in its fiscal year and half, added up
   * per case and year.
   */
  private Collection<CaseYear> count(Measure measure, List<String> cases) {
    Map<String, CaseYear> counted = new HashMap<>();
    Events events = events(measure, cases);
    jdbc.query(events.sql(), (RowCallbackHandler) rs -> {
      Placed placed = place(rs.getObject(2));
      if (placed == null) {
        return;
      }
      String caseId = rs.getString(1);
      CaseYear row = counted.computeIfAbsent(caseId + "/" + placed.year.startYear(),
          k -> new CaseYear(caseId, placed.year.startYear()));
      row.add(placed);
      if (row.n == 1) {
        row.businessKey = rs.getString(3);
        row.rootCaseId = rs.getString(4);
        row.removalTime = rs.getTimestamp(5);
        row.amount = amount(rs);
      }
    }, events.parameters().toArray());
    return counted.values();
  }

  private static Double amount(ResultSet rs) throws SQLException {
    Object value = rs.getObject(6);
    return value instanceof Number number ? number.doubleValue() : null;
  }

  /**
   * An event's fiscal year and half: an activity's completion by its moment in Japan time, a day by its text,
   * which must be a day (yyyy-MM-dd) — compared as text, as the forms' days always were.
   */
  private static Placed place(Object at) {
    if (at instanceof Timestamp timestamp) {
      Instant moment = timestamp.toInstant();
      FiscalYear year = FiscalYear.containing(moment);
      Instant october = LocalDate.of(year.startYear(), Month.OCTOBER, 1).atStartOfDay(PlanClock.zone()).toInstant();
      return new Placed(year, moment.isBefore(october), MOMENT.format(moment.atZone(PlanClock.zone())));
    }
    if (!(at instanceof String text) || text.length() < 10 || text.length() > RECORDED_DAY_LENGTH) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException notADay) {
      return null;
    }
    FiscalYear year = FiscalYear.containing(day);
    if (text.compareTo(year.firstDay().toString()) < 0 || text.compareTo(year.lastDay().toString()) > 0) {
      return null;
    }
    return new Placed(year, text.compareTo(LocalDate.of(year.startYear(), Month.OCTOBER, 1).toString()) < 0, text);
  }

  /**
   * The events of a measure, one row each: CASE_ID, the moment or day it counts on, and the case's business key,
   * root case, removal time and (for sums) the summed variable; only cases that meet the measure's conditions.
   */
  private Events events(Measure measure, List<String> cases) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT e.CASE_ID, e.AT, p.BUSINESS_KEY_, p.ROOT_PROC_INST_ID_, ")
        .append("p.REMOVAL_TIME_, ");
    if (measure.sumVariable() != null) {
      sql.append("(SELECT MAX(COALESCE(s.DOUBLE_, s.LONG_)) FROM ACT_HI_VARINST s WHERE s.PROC_INST_ID_ = e.CASE_ID ")
          .append("AND s.EXECUTION_ID_ = s.PROC_INST_ID_ AND s.NAME_ = ?)");
      parameters.add(measure.sumVariable());
    } else {
      sql.append("NULL");
    }
    sql.append(" FROM (");
    if (measure.byActivity()) {
      sql.append("SELECT a.PROC_INST_ID_ CASE_ID, a.END_TIME_ AT FROM ACT_HI_ACTINST a ")
          .append("WHERE a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND ").append(completed("a"));
      parameters.add(measure.activity());
      parameters.add(measure.process());
      onlyCases(sql, parameters, "a", cases);
    } else if (measure.datedActivity()) {
      // each completion once, on the day recorded with it: the latest day among the variable's updates in that
      // activity instance (history level full keeps every update with the activity instance that wrote it)
      sql.append("SELECT a.PROC_INST_ID_ CASE_ID, MAX(d.TEXT_) AT FROM ACT_HI_ACTINST a JOIN ACT_HI_DETAIL d ")
          .append("ON d.ACT_INST_ID_ = a.ID_ AND d.NAME_ = ? AND d.TYPE_ = 'VariableUpdate' ")
          .append("WHERE a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND ").append(completed("a"));
      parameters.add(measure.dateVariable());
      parameters.add(measure.activity());
      parameters.add(measure.process());
      onlyCases(sql, parameters, "a", cases);
      sql.append(" GROUP BY a.ID_, a.PROC_INST_ID_");
    } else if (corrections.kindOf(measure.process()).isPresent()) {
      // a §10 record counts on its date as corrected (ADR 0100): the latest finished correction that changed the
      // date replaces the recorded one, so a training moved from 3/31 to 4/1 counts in the new fiscal year
      sql.append("SELECT r.PROC_INST_ID_ CASE_ID, COALESCE((SELECT cv.TEXT_ ")
          .append("FROM ACT_HI_VARINST cc JOIN ACT_HI_PROCINST cp ON cp.PROC_INST_ID_ = cc.PROC_INST_ID_ ")
          .append("AND cp.STATE_ = 'COMPLETED' JOIN ACT_HI_VARINST cv ON cv.PROC_INST_ID_ = cc.PROC_INST_ID_ ")
          .append("AND cv.NAME_ = r.NAME_ AND cv.EXECUTION_ID_ = cv.PROC_INST_ID_ ")
          .append("WHERE cc.PROC_DEF_KEY_ = ? AND cc.NAME_ = ? AND cc.TEXT_ = r.PROC_INST_ID_ ")
          .append("ORDER BY cp.START_TIME_ DESC LIMIT 1), r.TEXT_) AT FROM ACT_HI_VARINST r ")
          .append("WHERE r.NAME_ = ? AND r.PROC_DEF_KEY_ = ? AND r.EXECUTION_ID_ = r.PROC_INST_ID_");
      parameters.add(RecordCorrections.PROCESS);
      parameters.add(RecordCorrections.CORRECTED_CASE);
      parameters.add(measure.dateVariable());
      parameters.add(measure.process());
      onlyCases(sql, parameters, "r", cases);
    } else {
      sql.append("SELECT d.PROC_INST_ID_ CASE_ID, d.TEXT_ AT FROM ACT_HI_VARINST d ")
          .append("WHERE d.NAME_ = ? AND d.PROC_DEF_KEY_ = ? AND d.EXECUTION_ID_ = d.PROC_INST_ID_");
      parameters.add(measure.dateVariable());
      parameters.add(measure.process());
      onlyCases(sql, parameters, "d", cases);
    }
    sql.append(") e JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = e.CASE_ID");
    List<String> conditions = new ArrayList<>();
    if (measure.passed() != null) {
      conditions.add("EXISTS (SELECT 1 FROM ACT_HI_ACTINST x WHERE x.PROC_INST_ID_ = e.CASE_ID AND x.ACT_ID_ = ? AND "
          + completed("x") + ")");
      parameters.add(measure.passed());
    }
    for (Map.Entry<String, Object> condition : new TreeMap<>(measure.where()).entrySet()) {
      String variable = "EXISTS (SELECT 1 FROM ACT_HI_VARINST w WHERE w.PROC_INST_ID_ = e.CASE_ID AND w.NAME_ = ?";
      parameters.add(condition.getKey());
      if (condition.getValue() instanceof Boolean flag) {
        conditions.add(variable + " AND w.VAR_TYPE_ = 'boolean' AND w.LONG_ = ?)");
        parameters.add(flag ? 1L : 0L);
      } else {
        conditions.add(variable + " AND w.TEXT_ = ?)");
        parameters.add(condition.getValue().toString());
      }
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return new Events(sql.toString(), parameters);
  }

  /** An activity instance (of this alias) that completed, not one cancelled on its way. */
  private static String completed(String activity) {
    return activity + ".END_TIME_ IS NOT NULL AND (" + activity + ".ACT_INST_STATE_ IS NULL OR " + activity
        + ".ACT_INST_STATE_ <> " + CANCELED + ")";
  }

  /** Restricts the events to these cases (by the alias's process instance), or leaves all when null. */
  private static void onlyCases(StringBuilder sql, List<Object> parameters, String alias, List<String> cases) {
    if (cases != null) {
      sql.append(" AND ").append(alias).append(".PROC_INST_ID_ IN (").append(placeholders(cases.size())).append(")");
      parameters.addAll(cases);
    }
  }

  private static String describe(Measure measure) {
    return measure.process() + "/" + (measure.activity() != null ? measure.activity() : measure.dateVariable())
        + (measure.where().isEmpty() ? "" : " " + new TreeMap<>(measure.where()));
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    if (all.isEmpty()) {
      return Collections.emptyList();
    }
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CASES_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CASES_PER_QUERY)));
    }
    return chunks;
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private record Events(String sql, List<Object> parameters) {}

  private record Placed(FiscalYear year, boolean firstHalf, String at) {}

  /** One case's events in one fiscal year. */
  private static final class CaseYear {
    final String caseId;
    final int year;
    String rootCaseId;
    String businessKey;
    Timestamp removalTime;
    Double amount;
    int n;
    int n1;
    String firstAt;

    CaseYear(String caseId, int year) {
      this.caseId = caseId;
      this.year = year;
    }

    void add(Placed placed) {
      n++;
      if (placed.firstHalf()) {
        n1++;
      }
      if (firstAt == null || placed.at().compareTo(firstAt) < 0) {
        firstAt = placed.at();
      }
    }
  }
}
