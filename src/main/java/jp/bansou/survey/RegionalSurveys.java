package jp.bansou.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.CalendarProperties;
import jp.bansou.calendar.CalendarProperties.Agency;
import jp.bansou.calendar.CalendarProperties.MailedSurvey;
import jp.bansou.calendar.CalendarProperties.PublicServantSurvey;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanClock;
import jp.bansou.input.RecordInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the regional-survey model cannot say itself: which survey of the calendar this is, whom it goes
 * to this year, and whether enough came back. Referenced as {@code ${regionalSurveys.…}}.
 */
@Component("regionalSurveys")
public class RegionalSurveys {

  private final CalendarProperties calendar;
  private final BusinessCalendar businessCalendar;

  public RegionalSurveys(CalendarProperties calendar, BusinessCalendar businessCalendar) {
    this.calendar = calendar;
    this.businessCalendar = businessCalendar;
  }

  /**
   * Names the survey and its fiscal year, and proposes recipients, expected return and collection
   * deadline from configuration; staff confirm or correct them when they dispatch.
   */
  public void prepare(DelegateExecution execution) {
    SurveyKind kind = SurveyKind.valueOf((String) execution.getVariable("survey"));
    Date now = Date.from(PlanClock.now());
    FiscalYear year = FiscalYear.containing(now);
    LocalDate today = PlanClock.dateOf(now);
    execution.setProcessBusinessKey("survey-" + year.label() + "-" + kind.slug());
    execution.setVariable("surveyName", kind.displayName());
    execution.setVariable("fiscalYear", year.label());
    execution.setVariable("fiscalYearName", year.displayName());
    execution.setVariable("questionnaire", kind != SurveyKind.RESAS);
    switch (kind) {
      case MANAGEMENT_TREND -> proposeMailing(execution, calendar.surveys().managementTrend(),
          collectionDeadline(today, calendar.surveys().managementTrend().collectionDays()));
      case EMPLOYMENT_TREND -> proposeMailing(execution, calendar.surveys().employmentTrend(),
          collectionDeadline(today, calendar.surveys().employmentTrend().collectionDays()));
      case PUBLIC_SERVANT -> proposeAgency(execution, calendar.surveys().publicServant(), year,
          collectionDeadline(today, calendar.surveys().publicServant().collectionDays()));
      case RESAS -> {
      }
    }
  }

  /**
   * Once published, the survey takes its business key and fiscal year from its publication day (公表日), not
   * from the day the calendar started it: a survey started in March and published in April belongs to April's
   * year.
   */
  public void labelByPublication(DelegateExecution execution) {
    LocalDate publishedOn = RecordInput.date(execution.getVariable("publishedOn"));
    if (publishedOn == null) {
      return;
    }
    SurveyKind kind = SurveyKind.valueOf((String) execution.getVariable("survey"));
    FiscalYear year = FiscalYear.containing(publishedOn);
    execution.setProcessBusinessKey("survey-" + year.label() + "-" + kind.slug());
    execution.setVariable("fiscalYear", year.label());
    execution.setVariable("fiscalYearName", year.displayName());
  }

  /** The proposed deadline for returns: the collection days from today, on a day the chamber is open. */
  private LocalDate collectionDeadline(LocalDate today, int collectionDays) {
    return businessCalendar.openDay(today.plusDays(collectionDays));
  }

  private static void proposeMailing(DelegateExecution execution, MailedSurvey survey, LocalDate deadline) {
    execution.setVariable("recipientGroup", survey.recipientGroup());
    execution.setVariable("plannedRecipients", survey.recipients());
    execution.setVariable("expectedReturnRate", survey.expectedReturnRate());
    execution.setVariable("collectionDeadline", deadline.toString());
  }

  private static void proposeAgency(
      DelegateExecution execution, PublicServantSurvey survey, FiscalYear year, LocalDate deadline) {
    Optional<Agency> agency = survey.agencyIn(year);
    // A year outside the configured table leaves the field empty: the dispatch form requires it.
    execution.setVariable("recipientGroup", agency.map(Agency::name).orElse(null));
    execution.setVariable("plannedRecipients", agency.map(Agency::staff).orElse(null));
    execution.setVariable("expectedReturnRate", survey.expectedReturnRate());
    execution.setVariable("collectionDeadline", deadline.toString());
  }

  /**
   * The response rate against the plan's expectation; a low one is shown to the managers. A count above
   * the number sent goes back to the staff with the reason, instead of failing.
   */
  public void assessReturns(DelegateExecution execution) {
    long sent = count(execution.getVariable("sentCount"));
    long returned = count(execution.getVariable("returnedCount"));
    if (returned > sent) {
      execution.setVariable("returnsProblem",
          "回収数（" + returned + "件）が発送数（" + sent + "件）を超えています。回収数を確認してください。");
      return;
    }
    execution.setVariable("returnsProblem", null);
    double rate = BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(sent), 3, RoundingMode.HALF_UP).doubleValue();
    double expected = ((Number) execution.getVariable("expectedReturnRate")).doubleValue();
    execution.setVariable("responseRate", rate);
    execution.setVariable("lowResponseRate", rate < expected);
  }

  /** Forms and REST clients send whole numbers as Integer or Long; the form requires them. */
  private static long count(Object value) {
    return ((Number) value).longValue();
  }
}
