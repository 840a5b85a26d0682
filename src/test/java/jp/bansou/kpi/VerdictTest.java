package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private static BigDecimal n(String value) {
    return new BigDecimal(value);
  }

  @Test
  void reachingTheTargetIsMetAndHalfOfItPartlyMet() {
    assertThat(Verdict.of(n("60"), n("60"), HALF)).isEqualTo(Verdict.MET);
    assertThat(Verdict.of(n("60"), n("75"), HALF)).isEqualTo(Verdict.MET);
    assertThat(Verdict.of(n("60"), n("59"), HALF)).isEqualTo(Verdict.PARTLY_MET);
    assertThat(Verdict.of(n("60"), n("30"), HALF)).as("exactly half").isEqualTo(Verdict.PARTLY_MET);
    assertThat(Verdict.of(n("60"), n("29"), HALF)).isEqualTo(Verdict.NOT_MET);
    assertThat(Verdict.of(n("3"), n("1"), HALF)).as("1/3 is below half").isEqualTo(Verdict.NOT_MET);
    assertThat(Verdict.of(n("3"), n("2"), HALF)).isEqualTo(Verdict.PARTLY_MET);
    assertThat(Verdict.of(n("150000"), n("149999.9"), HALF)).isEqualTo(Verdict.PARTLY_MET);
  }

  @Test
  void nothingDoneIsNeverPartlyMetEvenWithAThresholdOfZero() {
    assertThat(Verdict.of(n("2"), n("0"), BigDecimal.ZERO)).isEqualTo(Verdict.NOT_MET);
    assertThat(Verdict.of(n("2"), n("1"), BigDecimal.ZERO)).isEqualTo(Verdict.PARTLY_MET);
  }

  @Test
  void aTargetOfZeroIsMetByAnything() {
    assertThat(Verdict.of(n("0"), n("0"), HALF)).isEqualTo(Verdict.MET);
    assertThat(Verdict.achievementPercent(n("0"), n("1"))).isNull();
  }

  @Test
  void withoutATargetOrAMeasureThereIsNoMark() {
    assertThat(Verdict.of(null, n("4"), HALF)).isEqualTo(Verdict.NO_TARGET);
    assertThat(Verdict.of(n("5"), null, HALF)).isEqualTo(Verdict.UNMEASURED);
    assertThat(Verdict.UNMEASURED.mark()).isEqualTo("未計測");
    assertThat(Verdict.MET.mark()).isEqualTo("○");
    assertThat(Verdict.PARTLY_MET.mark()).isEqualTo("△");
    assertThat(Verdict.NOT_MET.mark()).isEqualTo("×");
  }

  @Test
  void achievementIsBOverAInPercentWithOneDecimal() {
    assertThat(Verdict.achievementPercent(n("60"), n("45"))).isEqualByComparingTo("75.0");
    assertThat(Verdict.achievementPercent(n("15"), n("2"))).isEqualByComparingTo("13.3");
    assertThat(Verdict.achievementPercent(n("3"), n("2"))).isEqualByComparingTo("66.7");
    assertThat(Verdict.achievementPercent(n("36"), n("40"))).isEqualByComparingTo("111.1");
    assertThat(Verdict.achievementPercent(n("150000"), n("180000"))).isEqualByComparingTo("120.0");
    assertThat(Verdict.achievementPercent(null, n("1"))).isNull();
    assertThat(Verdict.achievementPercent(n("1"), null)).isNull();
  }
}
