package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The restart benchmark's interval: what it may claim from a handful of noisy restarts. */
class StartupBenchIntervalTest {

  @Test
  void restartsThatAlwaysDifferByTheSameShareGiveThatShareAlone() {
    List<Double> bare = List.of(10.0, 12.0, 11.0, 14.0, 10.5);
    List<Double> bansou = bare.stream().map(seconds -> seconds * 1.1).toList();

    assertThat(StartupBench.ratioOfMediansInterval(bansou, bare)).allSatisfy(
        end -> assertThat(end).isBetween(1.09, 1.11));
  }

  @Test
  void noisyRestartsGiveAnIntervalAroundTheRatioWideEnoughToHoldTheGoalOpen() {
    List<Double> bare = List.of(11.0, 11.5, 10.8, 12.9, 11.2, 11.4, 13.5);
    List<Double> bansou = List.of(12.1, 14.9, 11.6, 13.0, 13.8, 12.2, 16.0);

    List<Double> interval = StartupBench.ratioOfMediansInterval(bansou, bare);

    assertThat(interval.get(0)).isLessThan(1.10);
    assertThat(interval.get(1)).isGreaterThan(1.15);
  }
}
