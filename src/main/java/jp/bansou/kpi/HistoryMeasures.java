package jp.bansou.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.StaffDirectory;
import jp.bansou.system.Databases;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Computes actuals from the measures' counts per case and year ({@link KpiCounts}) with aggregation in the
 * database: one query per row returns the year's and each half's figures from the year's counts alone, however
 * many cases the history holds. Values from the targets file travel as bind parameters, never as SQL text.
 */
@Component
class HistoryMeasures {

  /** The length of yyyy-MM-dd HH:mm. */
  private static final int MINUTES = 16;
  /**
   * The columns of the counts' covering index ({@code bansou_kpi_count_year}). What only adds up or counts the
   * year's rows asks for these alone: H2 plans a derived table on its own, and with the case id or the first
   * moment in it reads every counted row from the table (4.8 s for a year's report at a million cases, against
   * about 1 s from the index; docs/performance.md "H2 at a million cases").
   */
  private static final String INDEXED_COLUMNS = "c.BUSINESS_KEY, c.N, c.N1, c.AMOUNT";

  private final JdbcTemplate jdbc;
  private final String engineName;
  private final StaffDirectory staff;
  private volatile Boolean postgres;

  HistoryMeasures(JdbcTemplate jdbc, ProcessEngine engine, StaffDirectory staff) {
    this.jdbc = jdbc;
    this.engineName = engine.getName();
    this.staff = staff;
  }

  Actual actual(TargetRow row, FiscalYear year) {
    return of(year).actual(row);
  }

  private boolean postgres() {
    Boolean on = postgres;
    if (on == null) {
      on = jdbc.execute((ConnectionCallback<Boolean>) Databases::postgres);
      postgres = on;
    }
    return on;
  }

  /** One year's figures, each measure's added up once however many rows count it. */
  Year of(FiscalYear year) {
    return new Year(year);
  }

  final class Year {

    private final FiscalYear year;
    private final Map<Measure, Tally> tallies = new HashMap<>();

    private Year(FiscalYear year) {
      this.year = year;
    }

    Actual actual(TargetRow row) {
      Tally tally = tally(row.measure());
      Actual counted = counted(row, tally);
      return row.rateOf() == null ? counted : percentOf(counted, row.rateOf());
    }

    private Tally tally(Measure measure) {
      return tallies.computeIfAbsent(measure, m -> HistoryMeasures.this.tally(m, year));
    }

    /**
     * The actual as a percentage (one decimal) of all staff (advisors and assistants as Admin lists them now)
     * or of the cases of another measure in the same half; none where there is nothing to divide by.
     */
    private Actual percentOf(Actual counted, TargetRow.RateOf rateOf) {
      long[] denominator;
      if (rateOf.staff()) {
        long all = staff.caseWorkers().size();
        denominator = new long[]{all, all, all};
      } else {
        denominator = tally(rateOf.cases()).cases();
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

    private Actual counted(TargetRow row, Tally tally) {
      // the businesses of another measure, when the row divides by them (deals ÷ businesses that exhibited)
      long[] divisors = row.perBusinessOf() == null ? null : tally(row.perBusinessOf()).businesses();
      if (row.counts() == Counting.SUM) {
        return perBusinessIfAsked(row, tally.amounts(), divisors != null ? divisors : tally.amountBusinesses());
      }
      long[] numerator = switch (row.counts()) {
        case OCCURRENCES -> tally.occurrences();
        case CASES -> tally.cases();
        case BUSINESSES -> tally.businesses();
        case SUM -> throw new IllegalStateException("sums are added up above");
      };
      return perBusinessIfAsked(row, new BigDecimal[]{
          BigDecimal.valueOf(numerator[0]), BigDecimal.valueOf(numerator[1]), BigDecimal.valueOf(numerator[2])},
          divisors == null ? tally.businesses() : divisors);
    }
  }

  /**
   * A measure's figures in the year and each half ({year, April–September, October–March}): its events, its
   * cases (a case counts in a half when at least one of its events fell in it), its businesses, and the summed
   * variable of its cases (each case's once, in the half of its first counting in the year) with the businesses
   * of the cases that have it.
   */
  record Tally(long[] occurrences, long[] cases, long[] businesses, BigDecimal[] amounts, long[] amountBusinesses) {}

  /**
   * One query per measure over the year's counts, in the form each database adds up fastest (measured at a million
   * cases, docs/performance.md "KPI report"): PostgreSQL groups by business in SQL and adds the groups up, reading
   * the covering index alone (37–53 ms for the largest measure); H2 reads the year's counted cases in the covering
   * index's order and they are added up here ({@link OrderedTally}), where its distinct counts kept a set of every
   * business per count.
   */
  private Tally tally(Measure measure, FiscalYear year) {
    Counted counted = counted(measure, year, INDEXED_COLUMNS);
    if (!postgres()) {
      OrderedTally tally = new OrderedTally();
      jdbc.query(counted.sql() + " ORDER BY c.MEASURE_KEY, c.FISCAL_YEAR, c.BUSINESS_KEY",
          (RowCallbackHandler) rs -> tally.add(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)),
          counted.parameters().toArray());
      return plain(tally.tally());
    }
    String sql = "SELECT SUM(b.N), SUM(b.N1), SUM(b.C), SUM(b.C1), SUM(b.C2), COUNT(b.BUSINESS_KEY), "
        + "SUM(CASE WHEN b.BUSINESS_KEY IS NOT NULL AND b.C1 > 0 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN b.BUSINESS_KEY IS NOT NULL AND b.C2 > 0 THEN 1 ELSE 0 END), "
        + "SUM(b.A), SUM(b.A1), "
        + "SUM(CASE WHEN b.BUSINESS_KEY IS NOT NULL AND b.AC > 0 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN b.BUSINESS_KEY IS NOT NULL AND b.AC1 > 0 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN b.BUSINESS_KEY IS NOT NULL AND b.AC0 > 0 THEN 1 ELSE 0 END) "
        + "FROM (SELECT e.BUSINESS_KEY, SUM(e.N) N, SUM(e.N1) N1, COUNT(*) C, "
        + "SUM(CASE WHEN e.N1 > 0 THEN 1 ELSE 0 END) C1, SUM(CASE WHEN e.N > e.N1 THEN 1 ELSE 0 END) C2, "
        + "SUM(e.AMOUNT) A, SUM(CASE WHEN e.N1 > 0 THEN e.AMOUNT END) A1, COUNT(e.AMOUNT) AC, "
        + "SUM(CASE WHEN e.AMOUNT IS NOT NULL AND e.N1 > 0 THEN 1 ELSE 0 END) AC1, "
        + "SUM(CASE WHEN e.AMOUNT IS NOT NULL AND e.N1 = 0 THEN 1 ELSE 0 END) AC0 "
        + "FROM (" + counted.sql() + ") e GROUP BY e.BUSINESS_KEY) b";
    return jdbc.queryForObject(sql, (rs, n) -> {
      long occurrences = rs.getLong(1);
      long occurrencesFirstHalf = rs.getLong(2);
      BigDecimal amount = decimal(rs, 9);
      BigDecimal amountFirstHalf = decimal(rs, 10);
      return new Tally(new long[]{occurrences, occurrencesFirstHalf, occurrences - occurrencesFirstHalf},
          new long[]{rs.getLong(3), rs.getLong(4), rs.getLong(5)},
          new long[]{rs.getLong(6), rs.getLong(7), rs.getLong(8)},
          new BigDecimal[]{amount, amountFirstHalf, amount.subtract(amountFirstHalf)},
          new long[]{rs.getLong(11), rs.getLong(12), rs.getLong(13)});
    }, counted.parameters().toArray());
  }

  private static Tally plain(Tally tally) {
    BigDecimal[] amounts = tally.amounts();
    return new Tally(tally.occurrences(), tally.cases(), tally.businesses(),
        new BigDecimal[]{plain(amounts[0]), plain(amounts[1]), plain(amounts[2])}, tally.amountBusinesses());
  }

  CountedCase.Page cases(TargetRow row, FiscalYear year, int page, int size) {
    Counted indexed = counted(row.measure(), year, INDEXED_COLUMNS);
    Long total = jdbc.queryForObject(
        "SELECT COUNT(*) FROM (" + indexed.sql() + ") e", Long.class, indexed.parameters().toArray());
    Counted counted = counted(row.measure(), year, "c.CASE_ID, c.BUSINESS_KEY, c.N, c.N1, c.FIRST_AT, c.AMOUNT");
    List<Object> parameters = new ArrayList<>(counted.parameters());
    parameters.add(size);
    parameters.add((long) page * size);
    List<CountedCase> cases = jdbc.query(
        "SELECT e.CASE_ID, e.BUSINESS_KEY, e.FIRST_AT, e.N FROM (" + counted.sql() + ") e "
            + "ORDER BY e.FIRST_AT, e.CASE_ID LIMIT ? OFFSET ?",
        (rs, n) -> CountedCase.of(engineName, rs.getString(2), rs.getString(1), display(row.measure(), rs.getString(3)),
            rs.getLong(4)),
        parameters.toArray());
    return new CountedCase.Page(year.label(), row.id(), total == null ? 0 : total, page, size, cases);
  }

  /**
   * The counted cases of a measure in a year, one row each, from the measure's counts ({@link KpiCounts}, brought
   * up to date before a report), with the {@code columns} asked for: CASE_ID, BUSINESS_KEY, N (its events in the
   * year), N1 (those before October 1), FIRST_AT (the moment, yyyy-MM-dd HH:mm:ss.SSS in Japan time, or the day it
   * first counted) and AMOUNT (the summed variable). A year's rows are one range of the counts' primary key, and
   * of the covering index when only BUSINESS_KEY, N, N1 and AMOUNT are asked for.
   */
  private static Counted counted(Measure measure, FiscalYear year, String columns) {
    return new Counted("SELECT " + columns + " FROM BANSOU_KPI_COUNT c "
        + "WHERE c.MEASURE_KEY = ? AND c.FISCAL_YEAR = ?", List.of(KpiCounts.key(measure), year.startYear()));
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

  /** A completion by the minute (the counts hold it to the millisecond, for order), a day as recorded. */
  private static String display(Measure measure, String at) {
    return measure.byActivity() && at.length() > MINUTES ? at.substring(0, MINUTES) : at;
  }

  private record Counted(String sql, List<Object> parameters) {}
}
