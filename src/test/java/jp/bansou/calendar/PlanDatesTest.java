package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The one reader of days: the forms' ISO day, the office's 2026/9/30, a REST caller's Date; never a guess. */
class PlanDatesTest {

  @Test
  void aDayIsReadAsTheFormsTheOfficeAndTheCabinetOfficeWriteIt() {
    assertThat(PlanDates.read("2026-03-30")).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(PlanDates.read(" 2026/03/30 ")).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(PlanDates.read("2026/9/22")).isEqualTo(LocalDate.of(2026, 9, 22));
    assertThat(PlanDates.read("2026-03-30T00:00:00.000+0900")).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void whatIsNoDayIsNotGuessed() {
    assertThat(PlanDates.read("2026-02-30")).as("no 30 February, not the 28th").isNull();
    assertThat(PlanDates.read("30.03.2026")).isNull();
    assertThat(PlanDates.read("2026年3月30日")).isNull();
    assertThat(PlanDates.read("")).isNull();
    assertThat(PlanDates.read(null)).isNull();
    assertThat(PlanDates.read(20260330L)).isNull();
  }

  @Test
  void aDateSentOverRestIsTheDayItIsInJapan() {
    // 23:30 UTC on March 30 is already March 31 in Rumoi
    Date lateEvening = Date.from(OffsetDateTime.parse("2026-03-30T23:30:00Z").toInstant());

    assertThat(PlanDates.read(lateEvening)).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void aDeadlineEndsAtTheStartOfTheNextDayInJapan() {
    assertThat(new PlanDates().endOf("2026-09-30").toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00+09:00").toInstant());
    assertThatThrownBy(() -> new PlanDates().endOf("2026-09-31")).isInstanceOf(IllegalArgumentException.class);
  }
}
