package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** The national holidays Bansō ships are Japan's, for the whole plan period and beyond. */
class NationalHolidaysTest {

  private final NationalHolidays holidays = new NationalHolidays(
      TestCalendars.properties(Direction.NEXT_OPEN_DAY, List.of()));

  @Test
  void everyNationalHolidayOfThePlanPeriodR7ToR11IsTheOfficialOneAndNoOtherDayIs() throws IOException {
    Map<LocalDate, String> official = officialList();
    assertThat(official).hasSize(88);

    Map<LocalDate, String> shipped = new LinkedHashMap<>();
    for (LocalDate day = LocalDate.of(2025, 4, 1); !day.isAfter(LocalDate.of(2030, 3, 31)); day = day.plusDays(1)) {
      LocalDate date = day;
      holidays.displayNameOf(day).ifPresent(name -> shipped.put(date, name));
    }
    assertThat(shipped).containsExactlyEntriesOf(official);
  }

  @Test
  void theListIsKnownForTheWholePlanPeriod() {
    assertThat(holidays.knownFrom()).isBeforeOrEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(holidays.knownUntil()).isAfterOrEqualTo(LocalDate.of(2030, 3, 31));
  }

  @Test
  void substituteAndCitizensHolidaysAreToldApartFromTheCabinetOfficesPlainKyujitsu() {
    assertThat(holidays.nameOf(LocalDate.of(2025, 11, 24))).contains("休日");
    assertThat(holidays.displayNameOf(LocalDate.of(2025, 11, 24))).contains("振替休日");
    assertThat(holidays.displayNameOf(LocalDate.of(2026, 9, 22))).contains("国民の休日");
    assertThat(holidays.displayNameOf(LocalDate.of(2026, 9, 24))).isEmpty();
  }

  /**
   * Updating is dropping in the Cabinet Office's new download as it comes, in Shift_JIS: a year it
   * publishes replaces the projected year entirely, and later years stay projected.
   */
  @Test
  void aNewCabinetOfficeDownloadInShiftJisReplacesTheProjectedYearsItCovers(@TempDir Path dir) throws IOException {
    Path download = dir.resolve("syukujitsu.csv");
    Files.writeString(download, "国民の祝日・休日月日,国民の祝日・休日名称\r\n2028/1/1,元日\r\n2028/3/21,春分の日\r\n",
        Charset.forName("Windows-31J"));
    BusinessCalendarProperties defaults = TestCalendars.properties(Direction.NEXT_OPEN_DAY, List.of());
    NationalHolidays updated = new NationalHolidays(new BusinessCalendarProperties(defaults.closedWeekdays(),
        defaults.yearEndClosure(), defaults.closedDays(), defaults.dueDates(), new FileSystemResource(download),
        TestCalendars.PROJECTED));

    assertThat(updated.displayNameOf(LocalDate.of(2028, 1, 1))).contains("元日");
    assertThat(updated.displayNameOf(LocalDate.of(2028, 3, 21))).contains("春分の日");
    assertThat(updated.displayNameOf(LocalDate.of(2028, 3, 20))).as("the projected 2028 is replaced").isEmpty();
    assertThat(updated.displayNameOf(LocalDate.of(2029, 9, 24))).as("2029 is still projected").contains("振替休日");
  }

  private static Map<LocalDate, String> officialList() throws IOException {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    try (InputStream in = NationalHolidaysTest.class.getResourceAsStream("/calendar/official-holidays-r7-r11.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.strip().split(" ", 2);
          days.put(LocalDate.parse(fields[0]), fields[1]);
        }
      }
    }
    return days;
  }
}
