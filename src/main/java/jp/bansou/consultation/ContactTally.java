package jp.bansou.consultation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.calendar.FiscalYear;

/** A fiscal year's contacts per staff member and channel (the chamber's 巡回・窓口 counts). */
public record ContactTally(
    String fiscalYear,
    String fiscalYearName,
    Map<String, String> channels,
    List<Row> rows,
    Map<String, Long> totals,
    long total) {

  /** One staff member's contacts by channel code. */
  public record Row(String staff, String staffName, Map<String, Long> counts, long total) {

    static Row of(String staff, String staffName, long[] byChannel) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Channel channel : Channel.values()) {
        counts.put(channel.code(), byChannel[channel.ordinal()]);
      }
      return new Row(staff, staffName, counts, Arrays.stream(byChannel).sum());
    }
  }

  static ContactTally of(FiscalYear year, List<Row> rows) {
    Map<String, String> channels = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Channel channel : Channel.values()) {
      channels.put(channel.code(), channel.label());
      totals.put(channel.code(), rows.stream().mapToLong(row -> row.counts().get(channel.code())).sum());
    }
    return new ContactTally(year.label(), year.displayName(), channels, rows, totals,
        rows.stream().mapToLong(Row::total).sum());
  }
}
