package jp.bansou.kpi;

import java.math.BigDecimal;

/**
 * A row's actual (B) for the year and for its halves as the evaluation sheet splits it: April–September and
 * October–March. Where the plan counts businesses, a business counted in both halves counts in each half
 * and once in the year, so the halves may add up to more than the year.
 */
public record Actual(BigDecimal year, BigDecimal aprilToSeptember, BigDecimal octoberToMarch) {}
