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

  HistoryMeasures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Actual actual(TargetRow row, FiscalYear year) {
    Counted counted = counted(row.measure(), year, row.counts() == Counting.BUSINESSES || row.perBusiness());
    if (row.counts() == Counting.SUM) {
      return sum(row, counted, year);
    }
    String sql = "SELECT COUNT(*), "
        + "SUM(CASE WHEN e.AT_TIME < ? THEN 1 ELSE 0 END), "
        + "COUNT(DISTINCT e.CASE_ID), "
        + "COUNT(DISTINCT CASE WHEN e.AT_TIME < ? THEN e.CASE_ID END), "
        + "COUNT(DISTINCT CASE WHEN e.AT_TIME >= ? THEN e.CASE_ID END), "
        + "COUNT(DISTINCT e.BUSINESS_KEY), "
        + "COUNT(DISTINCT CASE WHEN e.AT_TIME < ? THEN e.BUSINESS_KEY END), "
        + "COUNT(DISTINCT CASE WHEN e.AT_TIME >= ? THEN e.BUSINESS_KEY END) "
        + "FROM (" + counted.sql() + ") e";
    List<Object> parameters = new ArrayList<>();
    Object middle = middle(row.measure(), year);
    for (int i = 0; i < 5; i++) {
      parameters.add(middle);
    }
    parameters.addAll(counted.parameters());
    return jdbc.queryForObject(sql, (rs, n) -> {
      long occurrences = rs.getLong(1);
      long occurrencesFirstHalf = rs.getLong(2);
      long[] businesses = {rs.getLong(6), rs.getLong(7), rs.getLong(8)};
      long[] numerator = switch (row.counts()) {
        case OCCURRENCES -> new long[] {occurrences, occurrencesFirstHalf, occurrences - occurrencesFirstHalf};
        case CASES -> new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)};
        case BUSINESSES -> businesses;
        case SUM -> throw new IllegalStateException("sums are added up separately");
      };
      return perBusinessIfAsked(row, new BigDecimal[] {
          BigDecimal.valueOf(numerator[0]), BigDecimal.valueOf(numerator[1]), BigDecimal.valueOf(numerator[2])}, businesses);
    }, parameters.toArray());
  }

  /** Each counted case's variable once (at its first counting in the year), whichever half it fell in. */
  private Actual sum(TargetRow row, Counted counted, FiscalYear year) {
    String sql = "SELECT SUM(COALESCE(s.DOUBLE_, s.LONG_)), "
        + "SUM(CASE WHEN c.AT_TIME < ? THEN COALESCE(s.DOUBLE_, s.LONG_) ELSE 0 END), "
        + "COUNT(DISTINCT c.BUSINESS_KEY), "
        + "COUNT(DISTINCT CASE WHEN c.AT_TIME < ? THEN c.BUSINESS_KEY END), "
        + "COUNT(DISTINCT CASE WHEN c.AT_TIME >= ? THEN c.BUSINESS_KEY END) "
        + "FROM (SELECT e.CASE_ID, MIN(e.BUSINESS_KEY) BUSINESS_KEY, MIN(e.AT_TIME) AT_TIME FROM (" + counted.sql()
        + ") e GROUP BY e.CASE_ID) c "
        + "JOIN ACT_HI_VARINST s ON s.PROC_INST_ID_ = c.CASE_ID AND s.EXECUTION_ID_ = s.PROC_INST_ID_ AND s.NAME_ = ?";
    List<Object> parameters = new ArrayList<>();
    Object middle = middle(row.measure(), year);
    parameters.add(middle);
    parameters.add(middle);
    parameters.add(middle);
    parameters.addAll(counted.parameters());
    parameters.add(row.measure().sumVariable());
    return jdbc.queryForObject(sql, (rs, n) -> {
      BigDecimal total = decimal(rs, 1);
      BigDecimal firstHalf = decimal(rs, 2);
      return perBusinessIfAsked(row, new BigDecimal[] {total, firstHalf, total.subtract(firstHalf)},
          new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
    }, parameters.toArray());
  }

  CountedCase.Page cases(TargetRow row, FiscalYear year, int page, int size) {
    Counted counted = counted(row.measure(), year, true);
    Long total = jdbc.queryForObject(
        "SELECT COUNT(DISTINCT e.CASE_ID) FROM (" + counted.sql() + ") e", Long.class, counted.parameters().toArray());
    List<Object> parameters = new ArrayList<>(counted.parameters());
    parameters.add(size);
    parameters.add((long) page * size);
    List<CountedCase> cases = jdbc.query(
        "SELECT e.CASE_ID, MIN(e.BUSINESS_KEY), MIN(e.AT_TIME) FIRST_AT, COUNT(*) FROM (" + counted.sql() + ") e "
            + "GROUP BY e.CASE_ID ORDER BY FIRST_AT, e.CASE_ID LIMIT ? OFFSET ?",
        (rs, n) -> CountedCase.of(rs.getString(2), rs.getString(1), display(rs.getObject(3)), rs.getLong(4)),
        parameters.toArray());
    return new CountedCase.Page(year.label(), row.id(), total == null ? 0 : total, page, size, cases);
  }

  /**
   * The counted events of a measure in a year, one row each: CASE_ID, BUSINESS_KEY, AT_TIME (a timestamp for
   * activities, the ISO date text for dated cases). The business key costs a join per event, so rows that
   * count no businesses get a null one.
   */
  private static Counted counted(Measure measure, FiscalYear year, boolean businesses) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    String caseColumn;
    if (measure.byActivity()) {
      caseColumn = "a.PROC_INST_ID_";
      sql.append("SELECT a.PROC_INST_ID_ CASE_ID, ").append(businesses ? "p.BUSINESS_KEY_" : "CAST(NULL AS VARCHAR(255))")
          .append(" BUSINESS_KEY, a.END_TIME_ AT_TIME FROM ACT_HI_ACTINST a ")
          .append(businesses ? "JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = a.PROC_INST_ID_ " : "")
          .append("WHERE a.ACT_ID_ = ? AND a.PROC_DEF_KEY_ = ? AND a.END_TIME_ >= ? AND a.END_TIME_ < ? ")
          .append("AND (a.ACT_INST_STATE_ IS NULL OR a.ACT_INST_STATE_ <> ").append(CANCELED).append(")");
      parameters.add(measure.activity());
      parameters.add(measure.process());
      parameters.add(Timestamp.from(year.start()));
      parameters.add(Timestamp.from(year.end()));
    } else {
      caseColumn = "d.PROC_INST_ID_";
      sql.append("SELECT d.PROC_INST_ID_ CASE_ID, ").append(businesses ? "p.BUSINESS_KEY_" : "CAST(NULL AS VARCHAR(255))")
          .append(" BUSINESS_KEY, d.TEXT_ AT_TIME FROM ACT_HI_VARINST d ")
          .append(businesses ? "JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = d.PROC_INST_ID_ " : "")
          .append("WHERE d.NAME_ = ? AND d.PROC_DEF_KEY_ = ? AND d.EXECUTION_ID_ = d.PROC_INST_ID_ ")
          .append("AND d.TEXT_ >= ? AND d.TEXT_ <= ?");
      parameters.add(measure.dateVariable());
      parameters.add(measure.process());
      parameters.add(year.firstDay().toString());
      parameters.add(year.lastDay().toString());
    }
    if (measure.passed() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM ACT_HI_ACTINST x WHERE x.PROC_INST_ID_ = ").append(caseColumn)
          .append(" AND x.ACT_ID_ = ? AND x.END_TIME_ IS NOT NULL AND (x.ACT_INST_STATE_ IS NULL OR x.ACT_INST_STATE_ <> ")
          .append(CANCELED).append("))");
      parameters.add(measure.passed());
    }
    for (Map.Entry<String, Object> condition : measure.where().entrySet()) {
      sql.append(" AND EXISTS (SELECT 1 FROM ACT_HI_VARINST w WHERE w.PROC_INST_ID_ = ").append(caseColumn)
          .append(" AND w.NAME_ = ?");
      parameters.add(condition.getKey());
      if (condition.getValue() instanceof Boolean flag) {
        sql.append(" AND w.VAR_TYPE_ = 'boolean' AND w.LONG_ = ?)");
        parameters.add(flag ? 1L : 0L);
      } else {
        sql.append(" AND w.TEXT_ = ?)");
        parameters.add(condition.getValue().toString());
      }
    }
    return new Counted(sql.toString(), parameters);
  }

  /** October 1, the start of the evaluation sheet's second half, in the type the measure's time has. */
  private static Object middle(Measure measure, FiscalYear year) {
    LocalDate october = LocalDate.of(year.startYear(), Month.OCTOBER, 1);
    return measure.byActivity() ? Timestamp.from(october.atStartOfDay(FiscalYear.JAPAN).toInstant()) : october.toString();
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
      return MINUTES.format(timestamp.toInstant().atZone(FiscalYear.JAPAN));
    }
    if (at instanceof Instant instant) {
      return MINUTES.format(instant.atZone(FiscalYear.JAPAN));
    }
    return String.valueOf(at);
  }

  private record Counted(String sql, List<Object> parameters) {}
}
