package jp.bansou.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Japan's national holidays (国民の祝日 and 休日: 振替休日, 国民の休日) from the Cabinet Office's CSV shipped
 * with Bansō, never from the network: chambers' networks have no outside access. The file is read as the
 * Cabinet Office publishes it (Shift_JIS) or as UTF-8, so a new download can replace it unchanged
 * (docs/calendar.md). Years not yet published come from the projected list, until the official one has them.
 */
@Component
public class NationalHolidays {

  private static final Logger LOG = LoggerFactory.getLogger(NationalHolidays.class);
  /** The Cabinet Office names both substitute holidays and "citizens' holidays" just 休日. */
  static final String PLAIN_HOLIDAY = "休日";

  private final SortedMap<LocalDate, String> holidays;

  public NationalHolidays(BusinessCalendarProperties properties) {
    SortedMap<LocalDate, String> official = read(properties.holidays());
    SortedMap<LocalDate, String> all = new TreeMap<>(official);
    if (properties.projectedHolidays() != null) {
      TreeSet<Integer> officialYears = new TreeSet<>();
      official.keySet().forEach(day -> officialYears.add(day.getYear()));
      read(properties.projectedHolidays()).forEach((day, name) -> {
        if (!officialYears.contains(day.getYear())) {
          all.put(day, name);
        }
      });
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no national holidays in " + properties.holidays().getDescription());
    }
    this.holidays = Collections.unmodifiableSortedMap(all);
    LOG.info("National holidays known from {} to {}", holidays.firstKey(), holidays.lastKey());
  }

  /** The holiday's name as the Cabinet Office gives it (「敬老の日」, 「休日」), empty on other days. */
  public Optional<String> nameOf(LocalDate day) {
    return Optional.ofNullable(holidays.get(day));
  }

  /**
   * What staff call the holiday: the Cabinet Office's name, with its 「休日」 told apart as 振替休日 (after a
   * holiday on a Sunday) or 国民の休日 (a day between two holidays).
   */
  public Optional<String> displayNameOf(LocalDate day) {
    return nameOf(day).map(name -> !name.equals(PLAIN_HOLIDAY) ? name
        : holidays.containsKey(day.minusDays(1)) && holidays.containsKey(day.plusDays(1))
            && !holidays.get(day.minusDays(1)).equals(PLAIN_HOLIDAY) ? "国民の休日" : "振替休日");
  }

  /** The last day the list knows: after it, only weekends and the chamber's own closures are known. */
  public LocalDate knownUntil() {
    return LocalDate.of(holidays.lastKey().getYear(), 12, 31);
  }

  public LocalDate knownFrom() {
    return LocalDate.of(holidays.firstKey().getYear(), 1, 1);
  }

  /** Every holiday from {@code from} to {@code to} inclusive, by date. */
  public Map<LocalDate, String> between(LocalDate from, LocalDate to) {
    return Collections.unmodifiableSortedMap(holidays.subMap(from, to.plusDays(1)));
  }

  private static SortedMap<LocalDate, String> read(Resource resource) {
    String text;
    try (InputStream in = resource.getInputStream()) {
      text = decode(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the national holidays from " + resource.getDescription(), e);
    }
    SortedMap<LocalDate, String> days = new TreeMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", 2);
      LocalDate day = PlanDates.read(fields[0]);
      if (day == null) {
        throw new IllegalStateException(
            resource.getDescription() + " line " + (i + 1) + ": not a date like 2026/9/22: '" + line + "'");
      }
      days.put(day, fields.length > 1 ? fields[1].strip() : "");
    }
    return days;
  }

  /** UTF-8 if the bytes are UTF-8 (a BOM is dropped), else Shift_JIS as the Cabinet Office publishes it. */
  private static String decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("Windows-31J"));
    }
  }
}
