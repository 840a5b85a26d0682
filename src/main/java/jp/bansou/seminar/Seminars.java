package jp.bansou.seminar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.input.RecordInput;
import jp.bansou.calendar.CalendarProperties;
import jp.bansou.calendar.CalendarProperties.Seminar;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the seminar model cannot say itself: the seminar's target from configuration, reading the
 * participant list, and starting a management-analysis case for each participant who wants one, with
 * what the seminar already knows, so nobody types it again. Referenced as {@code ${seminars.…}}.
 */
@Component("seminars")
public class Seminars {

  /** The management-analysis model's start contract (bpmn/management-analysis.bpmn, forms/analysis-start.form). */
  static final String MANAGEMENT_ANALYSIS = "management-analysis";
  static final String ENTRY_ROUTE_SEMINAR = "seminar";
  /** The DX follow-up's start contract (bpmn/dx-follow-up.bpmn). */
  static final String DX_FOLLOW_UP = "dx-follow-up";

  private final CalendarProperties calendar;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final BusinessRegistry registry;

  public Seminars(CalendarProperties calendar, RuntimeService runtime, IdentityService identity,
      BusinessRegistry registry) {
    this.calendar = calendar;
    this.runtime = runtime;
    this.identity = identity;
    this.registry = registry;
  }

  public void prepare(DelegateExecution execution) {
    SeminarKind kind = kindOf(execution);
    execution.setVariable("seminarName", kind.displayName());
    execution.setVariable("participantTarget", settingsOf(kind).participantTarget());
    labelByDay(execution);
  }

  /**
   * The seminar's business key and fiscal year from its held day (開催日), once planned: two seminars started
   * in one month get distinct keys, and one held on 3/31 belongs to the year it was held in. Until the day
   * is planned, the day the calendar started it stands in. Called again whenever a form may change the day.
   */
  public void labelByDay(DelegateExecution execution) {
    LocalDate heldOn = RecordInput.date(execution.getVariable("heldOn"));
    LocalDate day = heldOn != null ? heldOn : RecordInput.today();
    FiscalYear year = FiscalYear.containing(day);
    execution.setProcessBusinessKey("seminar-" + year.label() + "-" + kindOf(execution).slug() + "-"
        + day.format(DateTimeFormatter.ofPattern(heldOn != null ? "yyyyMMdd" : "yyyyMM")));
    execution.setVariable("fiscalYear", year.label());
    execution.setVariable("fiscalYearName", year.displayName());
  }

  /**
   * Counts the participants against the target and the wishes for individual support, or leaves the
   * problems for the staff to correct in the same form.
   */
  public void readParticipants(DelegateExecution execution) {
    ParticipantList list = ParticipantList.read((String) execution.getVariable("participants"));
    String advisor = (String) execution.getVariable("advisor");
    String problems = list.problems();
    if (advisor == null || identity.createUserQuery().userId(advisor.strip()).memberOfGroup("advisors").count() == 0) {
      problems = (problems.isEmpty() ? "" : problems + "\n")
          + "担当経営指導員「" + advisor + "」は経営指導員（advisors）のユーザーIDではありません";
    }
    SeminarKind kind = kindOf(execution);
    // Each wish starts a case on the business (an analysis, or for the DX seminar a DX follow-up), which the
    // registry must know: refused here, in the same form, rather than by the case's start failing later.
    String supportCase = kind.leadsToAnalysis() ? "経営分析" : "DX支援";
    for (Participant unknown : list.wantingSupport().stream()
        .filter(participant -> registry.find(participant.businessId()).isEmpty()).toList()) {
      problems = (problems.isEmpty() ? "" : problems + "\n")
          + "事業者ID「" + unknown.businessId() + "」（" + unknown.businessName()
          + "）は事業者台帳にありません。" + supportCase + "を始める前に事業者台帳へ登録してください";
    }
    if (!problems.isEmpty()) {
      execution.setVariable("participantsProblem", problems);
      return;
    }
    execution.setVariable("participantsProblem", null);
    Integer target = settingsOf(kind).participantTarget();
    int count = list.participants().size();
    execution.setVariable("participantCount", count);
    execution.setVariable("targetMet", target == null ? null : count >= target);
    List<Participant> wanting = list.wantingSupport();
    execution.setVariable("analysisWishes", kind.leadsToAnalysis() ? wanting.size() : 0);
    execution.setVariable("dxWishes", kind == SeminarKind.DX ? wanting.size() : 0);
    execution.setVariable("dxFollowUpWishes", kind.leadsToAnalysis() ? null
        : String.join(",", wanting.stream().map(Participant::businessId).toList()));
  }

  /** The business ids of the participants to start an analysis case for: the multi-instance collection. */
  public List<String> analysisCandidates(DelegateExecution execution) {
    if (!kindOf(execution).leadsToAnalysis()) {
      return List.of();
    }
    return ParticipantList.read((String) execution.getVariable("participants")).wantingSupport().stream()
        .map(Participant::businessId)
        .toList();
  }

  /** Starts one participant's management-analysis case, with the business id as its business key. */
  public void startAnalysis(DelegateExecution execution, String businessId) {
    Participant participant = ParticipantList.read((String) execution.getVariable("participants")).participants()
        .stream().filter(p -> p.businessId().equals(businessId)).findFirst().orElseThrow();
    runtime.createProcessInstanceByKey(MANAGEMENT_ANALYSIS)
        .businessKey(participant.businessId())
        .setVariable("businessId", participant.businessId())
        .setVariable("businessName", participant.businessName())
        .setVariable("industry", participant.industry())
        .setVariable("employees", participant.employees())
        .setVariable("entryRoute", ENTRY_ROUTE_SEMINAR)
        .setVariable("advisor", ((String) execution.getVariable("advisor")).strip())
        .execute();
  }

  /** The business ids of the DX seminar's participants who want individual DX support. */
  public List<String> dxFollowUpCandidates(DelegateExecution execution) {
    if (kindOf(execution) != SeminarKind.DX) {
      return List.of();
    }
    return ParticipantList.read((String) execution.getVariable("participants")).wantingSupport().stream()
        .map(Participant::businessId)
        .toList();
  }

  /** Starts one DX seminar participant's DX follow-up, with the business id as its business key. */
  public void startDxFollowUp(DelegateExecution execution, String businessId) {
    Participant participant = ParticipantList.read((String) execution.getVariable("participants")).participants()
        .stream().filter(p -> p.businessId().equals(businessId)).findFirst().orElseThrow();
    runtime.createProcessInstanceByKey(DX_FOLLOW_UP)
        .businessKey(participant.businessId())
        .setVariable("businessId", participant.businessId())
        .setVariable("businessName", participant.businessName())
        .setVariable("industry", participant.industry())
        .setVariable("employees", participant.employees())
        .setVariable("dxSeminar", execution.getProcessBusinessKey())
        .setVariable("advisor", ((String) execution.getVariable("advisor")).strip())
        .execute();
  }

  private static SeminarKind kindOf(DelegateExecution execution) {
    return SeminarKind.valueOf((String) execution.getVariable("seminarKind"));
  }

  private Seminar settingsOf(SeminarKind kind) {
    return switch (kind) {
      case MANAGEMENT_ANALYSIS -> calendar.seminars().managementAnalysis();
      case BUSINESS_PLAN -> calendar.seminars().businessPlan();
      case DX -> calendar.seminars().dx();
    };
  }
}
