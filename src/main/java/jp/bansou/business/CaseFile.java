package jp.bansou.business;

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

  /** One process instance of the business; {@code calledBy} is the case that started it, if any. */
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
      List<OpenTask> currentTasks,
      String cockpitUrl) {}

  public record OpenTask(String id, String name, String assignee, Date due, boolean overdue) {}

  /** A follow-up visit waiting to be recorded. */
  public record DueVisit(String caseId, String task, Object visitNumber, Date due, boolean overdue) {}

  /** The Local Benchmark figures of one analysis, as the advisor read them (「算出不可（…）」 included). */
  public record Benchmark(String caseId, String fiscalYear, Date analysedOn, Map<String, Object> figures) {}

  public record Plan(String caseId, String fiscalYear, String stateName, Map<String, Object> details) {}

  public record Referral(String caseId, String fiscalYear, String stateName, Object body, Object reason, Object date,
      Object outcome, Object outcomeDate, Object outcomeNotes) {}
}
