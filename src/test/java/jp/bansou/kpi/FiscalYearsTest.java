package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import jp.bansou.calendar.FiscalYear;
import org.junit.jupiter.api.Test;

class FiscalYearsTest {

  @Test
  void r7AndTheWesternYear2025AreTheSameYear() {
    assertThat(FiscalYears.parse("R7")).isEqualTo(new FiscalYear(2025));
    assertThat(FiscalYears.parse("r11")).isEqualTo(new FiscalYear(2029));
    assertThat(FiscalYears.parse(" 2025 ")).isEqualTo(FiscalYear.reiwa(7));
  }

  @Test
  void r7RunsFromApril1st2025To31stMarch2026InJapanTime() {
    FiscalYear r7 = FiscalYears.parse("R7");
    assertThat(r7.label()).isEqualTo("R7");
    assertThat(r7.displayName()).isEqualTo("R7（2025年度）");
    // 00:00 JST is 15:00 UTC of the day before
    assertThat(r7.start()).isEqualTo(Instant.parse("2025-03-31T15:00:00Z"));
    assertThat(r7.end()).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
    assertThat(FiscalYear.containing(Instant.parse("2026-03-31T14:59:00Z"))).as("March 31, 23:59 JST").isEqualTo(r7);
    assertThat(FiscalYear.containing(Instant.parse("2026-03-31T15:00:00Z"))).as("April 1, 00:00 JST")
        .isEqualTo(FiscalYear.reiwa(8));
    assertThat(FiscalYear.containing(LocalDate.of(2026, 1, 15))).as("January belongs to the year before").isEqualTo(r7);
  }

  @Test
  void anythingElseIsRefusedWithAJapaneseMessage() {
    for (String bad : new String[] {"2025-26", "FY2025", "令和7年度", "", "R", "12345"}) {
      assertThatThrownBy(() -> FiscalYears.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R7 または 2025");
    }
  }
}
