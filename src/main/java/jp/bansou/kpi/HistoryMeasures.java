package jp.bansou.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanClock;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes actuals from the engine's history tables with aggregation in the database: one query per row
 * returns the year's and each half's figures, however many cases the history holds. The query is built from
 * the row's {@link Measure}; values from the targets file travel as bind parameters, never as SQL text.
 */
@Component
class HistoryMeasures {

  /** ACT_HI_ACTINST.ACT_INST_STATE_ of an activity that was cancelled rather than completed. */
  private static final int CANCELED = 2;
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcTemplate jdbc;
  private final String engineName;
  private final StaffDirectory staff;
  private final RecordCorrections corrections;

  HistoryMeasures(JdbcTemplate jdbc, ProcessEngine engine, StaffDirectory staff, RecordCorrections corrections) {
    this.jdbc = jdbc;
    this.engineName = engine.getName();
    this.staff = staff;
    this.corrections = corrections;
  }

  Actual actual(TargetRow row, FiscalYear year) {
    Actual counted = counted(row, year);
    return row.rateOf() == null ? counted : percentOf(counted, row.rateOf(), year);
  }

  /**
   * The actual as a percentage (one decimal) of all staff (advisors and assistants as Admin lists them now)
   * or of the cases of another measure in the same half; none where there is nothing to divide by.
   */
  private Actual percentOf(Actual counted, TargetRow.RateOf rateOf, FiscalYear year) {
    long[] denominator;
    if (rateOf.staff()) {
      long all = staff.caseWorkers().size();
      denominator = new long[]{all, all, all};
    } else {
      Counted cases = counted(rateOf.cases(), year, false);
      denominator = jdbc.queryForObject("SELECT COUNT(*), SUM(CASE WHEN e.N1 > 0 THEN 1 ELSE 0 END), "
          + "SUM(CASE WHEN e.N > e.N1 THEN 1 ELSE 0 END) FROM (" + cases.sql() + ") e",
          (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, cases.parameters().toArray());
    }
    BigDecimal[] counts = {counted.year(), counted.aprilToSeptember(), counted.octoberToMarch()};
    BigDecimal[] percents = new BigDecimal[3];
    for (int i = 0; i < 3; i++) {
      percents[i] = denominator[i] == 0 || counts[i] == null ? null
          : plain(counts[i].multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator[i]), 1,
              RoundingMode.HALF_UP));
    }
    return new Actual(percents[0], percents[1], percents[2]);
  }

  private Actual counted(TargetRow row, FiscalYear year) {
    Counted counted = counted(row.measure(), year, row.counts() == Counting.BUSINESSES || row.perBusiness());
    // the businesses of another measure, when the row divides by them (deals ÷ businesses that exhibited)
    long[] divisors = row.perBusinessOf() == null ? null : businesses(row.perBusinessOf(), year);
    if (row.counts() == Counting.SUM) {
      return sum(row, counted, divisors);
    }
    // a case counts in a half when at least one of its events fell in it
    String sql = "SELECT SUM(e.N), SUM(e.N1), COUNT(*), "
        + "SUM(CASE WHEN e.N1 > 0 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN e.N > e.N1 THEN 1 ELSE 0 END), "
        + "COUNT(DISTINCT e.BUSINESS_KEY), "
        + "COUNT(DISTINCT CASE WHEN e.N1 > 0 THEN e.BUSINESS_KEY END), "
        + "COUNT(DISTINCT CASE WHEN e.N > e.N1 THEN e.BUSINESS_KEY END) "
        + "FROM (" + counted.sql() + ") e";
    return jdbc.queryForObject(sql, (rs, n) -> {
      long occurrences = rs.getLong(1);
      long occurrencesFirstHalf = rs.getLong(2);
      long[] businesses = {rs.getLong(6), rs.getLong(7), rs.getLong(8)};
      long[] numerator = switch (row.counts()) {
        case OCCURRENCES -> new long[]{occurrences, occurrencesFirstHalf, occurrences - occurrencesFirstHalf};
        case CASES -> new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)};
        case BUSINESSES -> businesses;
        case SUM -> throw new IllegalStateException("sums are added up separately");
      };
      return perBusinessIfAsked(row, new BigDecimal[]{
          BigDecimal.valueOf(numerator[0]), BigDecimal.valueOf(numerator[1]), BigDecimal.valueOf(numerator[2])},
          divisors == null ? businesses : divisors);
    }, counted.parameters().toArray());
  }

  /** Each counted case's variable once, in the half of its first counting in the year. */
  private Actual sum(TargetRow row, Counted counted, long[] divisors) {
    String sql = "SELECT SUM(COALESCE(s.DOUBLE_, s.LONG_)), "
        + "SUM(CASE WHEN c.N1 > 0 THEN COALESCE(s.DOUBLE_, s.LONG_) ELSE 0 END), "
        + "COUNT(DISTINCT c.BUSINESS_KEY), "
        + "COUNT(DISTINCT CASE WHEN c.N1 > 0 THEN c.BUSINESS_KEY END), "
        + "COUNT(DISTINCT CASE WHEN c.N1 = 0 THEN c.BUSINESS_KEY END) "
        + "FROM (" + counted.sql() + ") c "
        + "JOIN ACT_HI_VARINST s ON s.PROC_INST_ID_ = c.CASE_ID AND s.EXECUTION_ID_ = s.PROC_INST_ID_ AND s.NAME_ = ?";
    List<Object> parameters = new ArrayList<>(counted.parameters());
    parameters.add(row.measure().sumVariable());
    return jdbc.queryForObject(sql, (rs, n) -> {
      BigDecimal total = decimal(rs, 1);
      BigDecimal firstHalf = decimal(rs, 2);
      return perBusinessIfAsked(row, new BigDecimal[]{total, firstHalf, total.subtract(firstHalf)},
          divisors != null ? divisors : new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)});
    }, parameters.toArray());
  }

  /** The distinct businesses of a measure in the year and each half. */
  private long[] businesses(Measure measure, FiscalYear year) {
    Counted cases = counted(measure, year, true);
    return jdbc.queryForObject("SELECT COUNT(DISTINCT e.BUSINESS_KEY), "
        + "COUNT(DISTINCT CASE WHEN e.N1 > 0 THEN e.BUSINESS_KEY END), "
        + "COUNT(DISTINCT CASE WHEN e.N > e.N1 THEN e.BUSINESS_KEY END) FROM (" + cases.sql() + ") e",
        (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, cases.parameters().toArray());
  }

  CountedCase.Page cases(TargetRow row, FiscalYear year, int page, int size) {
    Counted counted = counted(row.measure(), year, true);
    Long total = jdbc.queryForObject(
        "SELECT COUNT(*) FROM (" + counted.sql() + ") e", Long.class, counted.parameters().toArray());
    List<Object> parameters = new ArrayList<>(counted.parameters());
    parameters.add(size);
    parameters.add((long) page * size);
    List<CountedCase> cases = jdbc.query(
        "SELECT e.CASE_ID, e.BUSINESS_KEY, e.FIRST_AT, e.N FROM (" + counted.sql() + ") e "
            + "ORDER BY e.FIRST_AT, e.CASE_ID LIMIT ? OFFSET ?",
        (rs, n) -> CountedCase.of(engineName, rs.getString(2), rs.getString(1), display(rs.getObject(3)),
            rs.getLong(4)),
        parameters.toArray());
    return new CountedCase.Page(year.label(), row.id(), total == null ? 0 : total, page, size, cases);
  }

  /**
   * The counted cases of a measure in a year, one row each: CASE_ID, BUSINESS_KEY, N (its events in the
   * year), N1 (those before October 1) and FIRST_AT (a timestamp for activities, the ISO date text for dated
   * cases). The year's events are read from an index range on their time and grouped by case first; only then
   * is each case looked up once for its business key and conditions, not once per event, so a year's work
   * follows that year's cases. Rows that count no businesses get a null business key and skip that join.
   */
  private Counted counted(Measure measure, FiscalYear year, boolean businesses) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(middle(measure, year));
    StringBuilder sql = new StringBuilder("SELECT c.CASE_ID, ")
        .append(businesses ? "p.BUSINESS_KEY_" : "CAST(NULL AS VARCHAR(255))")
        .append(" BUSINESS_KEY, c.N, c.N1, c.FIRST_AT FROM (");
    if (measure.byActivity()) {
      sql.append("SELECT a.PROC_INST_ID_ CASE_ID, COUNT(*) N, SUM(CASE WHEN a.END_TIME_ < ? THEN 1 ELSE 0 END) N1, ")
          .append("MIN(a.END_TIME_) FIRST_AT FROM ACT_HI_ACTINST a ")
          .append("WHERE a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND a.END_TIME_ >= ? AND a.END_TIME_ < ? ")
          .append("AND (a.ACT_INST_STATE_ IS NULL OR a.ACT_INST_STATE_ <> ").append(CANCELED).append(") ")
          .append("GROUP BY a.PROC_INST_ID_");
      parameters.add(measure.activity());
      parameters.add(measure.process());
      parameters.add(Timestamp.from(year.start()));
      parameters.add(Timestamp.from(year.end()));
    } else if (measure.datedActivity()) {
      // each completion once, on the day recorded with it: the variable's (latest) update in that activity
      // instance (history level full keeps every update with the activity instance that wrote it). Only the
      // activity instances that recorded a day in the year can count, so they are found first, from the index on
      // the recorded days (a day is 10 characters; the index holds texts up to RECORDED_DAY_LENGTH), instead of
      // reading every completion of every year; each one's day is then looked up on its own (a subquery per
      // instance: PostgreSQL, misjudging how many pass, hash-joined all years' updates instead). OFFSET 0 keeps
      // PostgreSQL from copying that subquery into the year's bounds below, which ran it three times per instance.
      sql.append(
          "SELECT v.CASE_ID, COUNT(*) N, SUM(CASE WHEN v.DONE_ON < ? THEN 1 ELSE 0 END) N1, MIN(v.DONE_ON) FIRST_AT FROM (")
          .append(
              "SELECT a.PROC_INST_ID_ CASE_ID, (SELECT MAX(d.TEXT_) FROM ACT_HI_DETAIL d WHERE d.ACT_INST_ID_ = a.ID_ ")
          .append("AND d.NAME_ = ? AND d.TYPE_ = 'VariableUpdate') DONE_ON FROM ACT_HI_ACTINST a ")
          .append("WHERE a.ID_ IN (SELECT y.ACT_INST_ID_ FROM ACT_HI_DETAIL y WHERE y.NAME_ = ? AND y.TEXT_ >= ? ")
          .append("AND y.TEXT_ <= ? AND LENGTH(y.TEXT_) <= ").append(KpiIndexes.RECORDED_DAY_LENGTH).append(") ")
          .append("AND a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND a.END_TIME_ IS NOT NULL ")
          .append("AND (a.ACT_INST_STATE_ IS NULL OR a.ACT_INST_STATE_ <> ").append(CANCELED)
          .append(") OFFSET 0 ROWS) v ")
          .append("WHERE v.DONE_ON >= ? AND v.DONE_ON <= ? GROUP BY v.CASE_ID");
      parameters.add(measure.dateVariable());
      parameters.add(measure.dateVariable());
      parameters.add(year.firstDay().toString());
      parameters.add(year.lastDay().toString());
      parameters.add(measure.activity());
      parameters.add(measure.process());
      parameters.add(year.firstDay().toString());
      parameters.add(year.lastDay().toString());
    } else if (corrections.kindOf(measure.process()).isPresent()) {
      // a §10 record counts on its date as corrected (ADR 0100): the latest finished correction that changed the
      // date replaces the recorded one, so a training moved from 3/31 to 4/1 counts in the new fiscal year
      sql.append("SELECT d.CASE_ID, COUNT(*) N, SUM(CASE WHEN d.ON_DAY < ? THEN 1 ELSE 0 END) N1, ")
          .append("MIN(d.ON_DAY) FIRST_AT FROM (SELECT r.PROC_INST_ID_ CASE_ID, COALESCE((SELECT cv.TEXT_ ")
          .append("FROM ACT_HI_VARINST cc JOIN ACT_HI_PROCINST cp ON cp.PROC_INST_ID_ = cc.PROC_INST_ID_ ")
          .append("AND cp.STATE_ = 'COMPLETED' JOIN ACT_HI_VARINST cv ON cv.PROC_INST_ID_ = cc.PROC_INST_ID_ ")
          .append("AND cv.NAME_ = r.NAME_ AND cv.EXECUTION_ID_ = cv.PROC_INST_ID_ ")
          .append("WHERE cc.PROC_DEF_KEY_ = ? AND cc.NAME_ = ? AND cc.TEXT_ = r.PROC_INST_ID_ ")
          .append("ORDER BY cp.START_TIME_ DESC LIMIT 1), r.TEXT_) ON_DAY FROM ACT_HI_VARINST r ")
          .append("WHERE r.NAME_ = ? AND r.PROC_DEF_KEY_ = ? AND r.EXECUTION_ID_ = r.PROC_INST_ID_) d ")
          .append("WHERE d.ON_DAY >= ? AND d.ON_DAY <= ? GROUP BY d.CASE_ID");
      parameters.add(RecordCorrections.PROCESS);
      parameters.add(RecordCorrections.CORRECTED_CASE);
      parameters.add(measure.dateVariable());
      parameters.add(measure.process());
      parameters.add(year.firstDay().toString());
      parameters.add(year.lastDay().toString());
    } else {
      sql.append("SELECT d.PROC_INST_ID_ CASE_ID, COUNT(*) N, SUM(CASE WHEN d.TEXT_ < ? THEN 1 ELSE 0 END) N1, ")
          .append("MIN(d.TEXT_) FIRST_AT FROM ACT_HI_VARINST d ")
          .append("WHERE d.NAME_ = ? AND d.PROC_DEF_KEY_ = ? AND d.EXECUTION_ID_ = d.PROC_INST_ID_ ")
          .append("AND d.TEXT_ >= ? AND d.TEXT_ <= ? GROUP BY d.PROC_INST_ID_");
      parameters.add(measure.dateVariable());
      parameters.add(measure.process());
      parameters.add(year.firstDay().toString());
      parameters.add(year.lastDay().toString());
    }
    sql.append(") c");
    if (businesses) {
      sql.append(" JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = c.CASE_ID");
    }
    // Each counted case's conditions are looked up on their own, in an index on its process instance: as
    // EXISTS, PostgreSQL's planner, expecting few counted cases, scanned every case's variables once per case.
    List<String> conditions = new ArrayList<>();
    if (measure.passed() != null) {
      conditions.add("(SELECT COUNT(*) FROM ACT_HI_ACTINST x WHERE x.PROC_INST_ID_ = c.CASE_ID AND x.ACT_ID_ = ?"
          + " AND x.END_TIME_ IS NOT NULL AND (x.ACT_INST_STATE_ IS NULL OR x.ACT_INST_STATE_ <> " + CANCELED
          + ")) > 0");
      parameters.add(measure.passed());
    }
    for (Map.Entry<String, Object> condition : measure.where().entrySet()) {
      String variable = "(SELECT COUNT(*) FROM ACT_HI_VARINST w WHERE w.PROC_INST_ID_ = c.CASE_ID AND w.NAME_ = ?";
      parameters.add(condition.getKey());
      if (condition.getValue() instanceof Boolean flag) {
        conditions.add(variable + " AND w.VAR_TYPE_ = 'boolean' AND w.LONG_ = ?) > 0");
        parameters.add(flag ? 1L : 0L);
      } else {
        conditions.add(variable + " AND w.TEXT_ = ?) > 0");
        parameters.add(condition.getValue().toString());
      }
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return new Counted(sql.toString(), parameters);
  }

  /** October 1, the start of the evaluation sheet's second half, in the type the measure's time has. */
  private static Object middle(Measure measure, FiscalYear year) {
    LocalDate october = LocalDate.of(year.startYear(), Month.OCTOBER, 1);
    return measure.byActivity() ? Timestamp.from(october.atStartOfDay(PlanClock.zone()).toInstant())
        : october.toString();
  }

  private static Actual perBusinessIfAsked(TargetRow row, BigDecimal[] amounts, long[] businesses) {
    if (!row.perBusiness()) {
      return new Actual(amounts[0], amounts[1], amounts[2]);
    }
    BigDecimal[] perBusiness = new BigDecimal[3];
    for (int i = 0; i < 3; i++) {
      // no business took part: nothing was sold or closed per business
      perBusiness[i] = businesses[i] == 0 ? BigDecimal.ZERO
          : plain(amounts[i].divide(BigDecimal.valueOf(businesses[i]), 1, RoundingMode.HALF_UP));
    }
    return new Actual(perBusiness[0], perBusiness[1], perBusiness[2]);
  }

  private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? BigDecimal.ZERO : plain(value);
  }

  /** 100, not 1E+2: figures are read by people and by Excel. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String display(Object at) {
    if (at instanceof Timestamp timestamp) {
      return MINUTES.format(timestamp.toInstant().atZone(PlanClock.zone()));
    }
    if (at instanceof Instant instant) {
      return MINUTES.format(instant.atZone(PlanClock.zone()));
    }
    return String.valueOf(at);
  }

  private record Counted(String sql, List<Object> parameters) {}
}
