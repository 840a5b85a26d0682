package jp.bansou.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Adds up a measure's counted cases of one year read in business order, one case at a time: the figures of
 * {@link HistoryMeasures.Tally} that PostgreSQL adds up in SQL, with a business counted when its last case has been
 * read instead of a set of every business kept until the end. A case without a business counts as a case, never
 * as a business, as SQL's counts of businesses leave out nulls.
 */
final class OrderedTally {

  private long occurrences;
  private long occurrencesFirstHalf;
  private long cases;
  private long casesFirstHalf;
  private long casesSecondHalf;
  private final long[] businesses = new long[3];
  private final long[] amountBusinesses = new long[3];
  private BigDecimal amount = BigDecimal.ZERO;
  private BigDecimal amountFirstHalf = BigDecimal.ZERO;

  private String business;
  // what the business being read has shown so far: a case in each half, an amount in each half (an amount in the
  // year is one in either half: a case's amount counts in the half it first counted in)
  private boolean inFirstHalf;
  private boolean inSecondHalf;
  private boolean withAmountFirstHalf;
  private boolean withAmountSecondHalf;

  /**
   * One counted case: its business, its events in the year ({@code n}) and before October 1 ({@code n1}), its
   * summed variable or null. Cases must come in business order: a business seen again after another is counted
   * twice.
   */
  void add(String businessKey, int n, int n1, BigDecimal caseAmount) {
    if (!Objects.equals(businessKey, business)) {
      closeBusiness();
      business = businessKey;
    }
    occurrences += n;
    occurrencesFirstHalf += n1;
    cases++;
    boolean firstHalf = n1 > 0;
    boolean secondHalf = n > n1;
    if (firstHalf) {
      casesFirstHalf++;
    }
    if (secondHalf) {
      casesSecondHalf++;
    }
    inFirstHalf |= firstHalf;
    inSecondHalf |= secondHalf;
    if (caseAmount != null) {
      // each case's amount counts once, in the half it first counted in (its n1 says whether that was the first)
      amount = amount.add(caseAmount);
      if (firstHalf) {
        amountFirstHalf = amountFirstHalf.add(caseAmount);
      }
      withAmountFirstHalf |= firstHalf;
      withAmountSecondHalf |= !firstHalf;
    }
  }

  HistoryMeasures.Tally tally() {
    closeBusiness();
    business = null;
    return new HistoryMeasures.Tally(
        new long[]{occurrences, occurrencesFirstHalf, occurrences - occurrencesFirstHalf},
        new long[]{cases, casesFirstHalf, casesSecondHalf}, businesses.clone(),
        new BigDecimal[]{amount, amountFirstHalf, amount.subtract(amountFirstHalf)}, amountBusinesses.clone());
  }

  private void closeBusiness() {
    if (business != null) {
      businesses[0]++;
      count(businesses, 1, inFirstHalf);
      count(businesses, 2, inSecondHalf);
      count(amountBusinesses, 0, withAmountFirstHalf || withAmountSecondHalf);
      count(amountBusinesses, 1, withAmountFirstHalf);
      count(amountBusinesses, 2, withAmountSecondHalf);
    }
    inFirstHalf = false;
    inSecondHalf = false;
    withAmountFirstHalf = false;
    withAmountSecondHalf = false;
  }

  private static void count(long[] counts, int index, boolean counted) {
    if (counted) {
      counts[index]++;
    }
  }
}
