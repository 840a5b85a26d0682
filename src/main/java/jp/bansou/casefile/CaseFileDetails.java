package jp.bansou.casefile;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What the case file adds to {@link CaseFile} so that it is the place to start from (issue #16): who the
 * advisor is by name, which tracks staff may start for the business (each opens Tasklist's start form with the
 * business filled in), when the next visit of each running follow-up is planned, and what the analyses found.
 * Kept apart from {@link CaseFile} so that each part of the case file can grow on its own.
 */
public record CaseFileDetails(
    String advisorName,
    List<StartableTrack> startableTracks,
    List<PlannedVisit> plannedVisits,
    List<AnalysisFindings> findings) {

  /** A track staff start by hand; {@code tasklistUrl} opens its start form for this business. */
  public record StartableTrack(String key, String name, String tasklistUrl) {}

  /** The next visit of a running follow-up, before its task exists: the visit timer's date. */
  public record PlannedVisit(String caseId, String track, Object visitNumber, Object visitCount, Date planned) {}

  /**
   * What one management analysis found: 財務分析の所見, SWOT, the four non-financial views and the feedback
   * given to the business, each by its form field's key (null while not recorded yet).
   */
  public record AnalysisFindings(String caseId, String fiscalYear, Map<String, Object> values) {}
}
