package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The year's figures of a measure added up from its counted cases in business order (H2's report). */
class OrderedTallyTest {

  @Test
  void aBusinessVisitedInBothHalvesCountsOnceInTheYearAndOnceInEachHalf() {
    OrderedTally tally = new OrderedTally();
    tally.add("B-001", 3, 1, null); // one visit before October, two after
    tally.add("B-001", 2, 2, null); // another case of the same business, both visits before October
    tally.add("B-002", 1, 0, null);

    HistoryMeasures.Tally figures = tally.tally();

    assertThat(figures.occurrences()).containsExactly(6, 3, 3);
    assertThat(figures.cases()).containsExactly(3, 2, 2);
    assertThat(figures.businesses()).containsExactly(2, 1, 2);
  }

  @Test
  void aCaseWithoutABusinessIsACaseButNotABusiness() {
    OrderedTally tally = new OrderedTally();
    tally.add("B-001", 1, 1, null);
    tally.add(null, 1, 1, null);

    HistoryMeasures.Tally figures = tally.tally();

    assertThat(figures.cases()).containsExactly(2, 2, 0);
    assertThat(figures.businesses()).containsExactly(1, 1, 0);
  }

  @Test
  void fairSalesAddUpInTheHalfTheirCaseFirstCountedInAndNameTheBusinessesThatSold() {
    OrderedTally tally = new OrderedTally();
    tally.add("B-001", 1, 1, new BigDecimal("62000"));
    tally.add("B-001", 1, 0, new BigDecimal("15000.5"));
    tally.add("B-002", 1, 0, null); // exhibited, sold nothing recorded
    tally.add("B-003", 1, 0, new BigDecimal("8000"));

    HistoryMeasures.Tally figures = tally.tally();

    assertThat(figures.amounts()).containsExactly(new BigDecimal("85000.5"), new BigDecimal("62000"),
        new BigDecimal("23000.5"));
    assertThat(figures.amountBusinesses()).containsExactly(2, 1, 2);
    assertThat(figures.businesses()).containsExactly(3, 1, 3);
  }

  @Test
  void aYearWithoutCasesIsAllZero() {
    HistoryMeasures.Tally figures = new OrderedTally().tally();

    assertThat(figures.cases()).containsExactly(0, 0, 0);
    assertThat(figures.businesses()).containsExactly(0, 0, 0);
    assertThat(figures.amounts()).containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
