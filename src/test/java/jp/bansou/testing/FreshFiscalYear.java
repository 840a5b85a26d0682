package jp.bansou.testing;

import java.sql.Timestamp;
import java.time.Instant;
import jp.bansou.calendar.FiscalYear;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fiscal year no history reaches yet. Tests share one database that outlives runs, so a test that needs a
 * year's figures to be exactly those of its own cases drives them into such a year.
 */
public final class FreshFiscalYear {

  private FreshFiscalYear() {}

  /** The fiscal year after every activity the shared history holds, and after today. */
  public static FiscalYear after(JdbcTemplate jdbc) {
    Instant latest = Instant.now();
    for (String column : new String[]{"END_TIME_", "START_TIME_"}) {
      Timestamp seen = jdbc.queryForObject("SELECT MAX(" + column + ") FROM ACT_HI_ACTINST", Timestamp.class);
      if (seen != null && seen.toInstant().isAfter(latest)) {
        latest = seen.toInstant();
      }
    }
    return FiscalYear.containing(latest).next();
  }
}
