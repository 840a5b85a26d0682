package jp.bansou.casefile;

import jp.bansou.business.Business;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A business's case file (経営カルテ): the registry's record and every case of every track over the years,
 * read from the engine's history by the business key.
 */
public record CaseFile(
    Business business,
    List<Case> cases,
    List<DueVisit> dueVisits,
    List<Benchmark> benchmarks,
    List<Plan> plans,
    List<Referral> referrals) {

  /**
   * One process instance of the business; {@code calledBy} is the case that started it, if any, and
   * {@code calledByName} its track. {@code outcome} is the name of the end event a finished case reached, in
   * the model's words (「事業が軌道に乗った」); {@code highlights} the few figures that tell a track's story
   * (deals of a business meeting, a startup's founding day, a succession's method).
   */
  public record Case(
      String id,
      String process,
      String processName,
      String fiscalYear,
      Date started,
      Date ended,
      String state,
      String stateName,
      String calledBy,
      String calledByName,
      String outcome,
      Map<String, Object> highlights,
      List<OpenTask> currentTasks,
      String cockpitUrl) {}

  /**
   * An open task; {@code subject} is what it is about when a case has several alike (a lead's company);
   * {@code assigneeName} the assignee as staff know them (佐藤 一郎), the user id kept in {@code assignee};
   * {@code dueMoved} says why it falls due on another day than planned (「祝日のため翌営業日」), else null.
   */
  public record OpenTask(String id, String name, String subject, String assignee, String assigneeName, Date due,
      boolean overdue, String dueMoved) {}

  /** A follow-up visit waiting to be recorded; {@code track} is the support it follows up (創業支援, …). */
  public record DueVisit(String caseId, String track, String task, Object visitNumber, Date due, boolean overdue,
      String dueMoved) {}

  /** The Local Benchmark figures of one analysis, as the advisor read them (「算出不可（…）」 included). */
  public record Benchmark(String caseId, String fiscalYear, Date analysedOn, Map<String, Object> figures) {}

  public record Plan(String caseId, String fiscalYear, String stateName, Map<String, Object> details) {}

  /** A referral to a specialist body; {@code referredFrom} is the track that made it (事業承継支援, …). */
  public record Referral(String caseId, String fiscalYear, String stateName, String referredFrom, Object body,
      Object reason, Object date, Object outcome, Object outcomeDate, Object outcomeNotes) {}
}
