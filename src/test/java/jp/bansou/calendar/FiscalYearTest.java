package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private static Instant japan(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(JAPAN).toInstant();
  }

  @Test
  void theLastMinuteOfMarchInJapanBelongsToTheEndingYear() {
    assertThat(FiscalYear.containing(japan("2026-03-31T23:59:59"))).isEqualTo(FiscalYear.reiwa(7));
    assertThat(FiscalYear.containing(japan("2026-04-01T00:00:00"))).isEqualTo(FiscalYear.reiwa(8));
  }

  @Test
  void aMomentIsReckonedInJapanWhateverTheServersZone() {
    // 2026-03-31T15:30Z is April 1, 00:30 in Rumoi: already R8, although it is still March in UTC.
    assertThat(FiscalYear.containing(Instant.parse("2026-03-31T15:30:00Z"))).isEqualTo(FiscalYear.reiwa(8));
    assertThat(FiscalYear.containing(Instant.parse("2026-03-31T14:59:59Z"))).isEqualTo(FiscalYear.reiwa(7));
  }

  @Test
  void reiwaSevenIsTheYearFromApril2025ToMarch2026() {
    FiscalYear r7 = FiscalYear.reiwa(7);
    assertThat(r7.startYear()).isEqualTo(2025);
    assertThat(r7.firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(r7.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(r7.start()).isEqualTo(japan("2025-04-01T00:00:00"));
    assertThat(r7.end()).isEqualTo(japan("2026-04-01T00:00:00"));
    assertThat(r7.contains(japan("2026-03-31T23:59:59"))).isTrue();
    assertThat(r7.contains(japan("2026-04-01T00:00:00"))).isFalse();
    assertThat(r7.contains(LocalDate.of(2025, 4, 1))).isTrue();
    assertThat(r7.contains(LocalDate.of(2025, 3, 31))).isFalse();
  }

  @Test
  void yearsAreLabelledByReiwaAndByWesternYear() {
    assertThat(FiscalYear.reiwa(7).label()).isEqualTo("R7");
    assertThat(FiscalYear.reiwa(7).westernLabel()).isEqualTo("2025年度");
    assertThat(FiscalYear.reiwa(11).displayName()).isEqualTo("R11（2029年度）");
    assertThat(FiscalYear.reiwa(1).startYear()).isEqualTo(2019);
    assertThat(new FiscalYear(2018).label()).as("the year before Reiwa 1 is Heisei 30").isEqualTo("H30");
    assertThat(FiscalYear.containing(LocalDate.of(2024, 1, 15)).label()).isEqualTo("R5");
  }

  @Test
  void labelsReadBack() {
    assertThat(FiscalYear.parse("R7")).isEqualTo(new FiscalYear(2025));
    assertThat(FiscalYear.parse(" r11 ")).isEqualTo(new FiscalYear(2029));
    assertThat(FiscalYear.parse("H30")).isEqualTo(new FiscalYear(2018));
  }

  @Test
  void r7AndTheWesternYear2025AreTheSameYear() {
    assertThat(FiscalYear.parse(" 2025 ")).isEqualTo(FiscalYear.reiwa(7));
    assertThat(FiscalYear.parse("2025").displayName()).isEqualTo("R7（2025年度）");
  }

  @Test
  void anythingElseIsRefusedWithAJapaneseMessage() {
    for (String bad : new String[]{"2025-26", "FY2025", "令和7年度", "", "R", "12345", "1900"}) {
      assertThatThrownBy(() -> FiscalYear.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R7 または 2025");
    }
    assertThatThrownBy(() -> FiscalYear.parse(null)).hasMessageContaining("R7 または 2025");
  }

  @Test
  void yearsFollowEachOther() {
    assertThat(FiscalYear.reiwa(7).next()).isEqualTo(FiscalYear.reiwa(8));
    assertThat(FiscalYear.reiwa(7).previous().label()).isEqualTo("R6");
    assertThat(FiscalYear.reiwa(7)).isLessThan(FiscalYear.reiwa(8));
  }
}
