package jp.bansou.calendar;

import java.util.function.Function;
import jp.bansou.calendar.CalendarProperties.Schedule;

/**
 * Every piece of yearly work that starts itself: the process whose timer start event starts it, and its
 * schedule. Camunda 7 allows one timer start event per process, so each entry has a small process of its
 * own that calls the shared model (regional-survey, seminar) with its kind.
 */
public enum CalendarEntry {
  MANAGEMENT_TREND_SURVEY("management-trend-survey", "ManagementTrendSurveyDue",
      c -> c.surveys().managementTrend().schedule()),
  EMPLOYMENT_TREND_SURVEY("employment-trend-survey", "EmploymentTrendSurveyDue",
      c -> c.surveys().employmentTrend().schedule()),
  PUBLIC_SERVANT_SURVEY("public-servant-survey", "PublicServantSurveyDue", c -> c.surveys().publicServant().schedule()),
  RESAS_ANALYSIS("resas-analysis", "ResasAnalysisDue", c -> c.surveys().resas()),
  MANAGEMENT_ANALYSIS_SEMINAR("management-analysis-seminar", "ManagementAnalysisSeminarDue",
      c -> c.seminars().managementAnalysis().schedule()),
  BUSINESS_PLAN_SEMINAR("business-plan-seminar", "BusinessPlanSeminarDue", c -> c.seminars().businessPlan().schedule()),
  DX_SEMINAR("dx-seminar", "DxSeminarDue", c -> c.seminars().dx().schedule()),
  ANNUAL_EVALUATION("annual-evaluation", "FiscalYearEnded", CalendarProperties::evaluation);

  private final String processKey;
  private final String startEventId;
  private final Function<CalendarProperties, Schedule> schedule;

  CalendarEntry(String processKey, String startEventId, Function<CalendarProperties, Schedule> schedule) {
    this.processKey = processKey;
    this.startEventId = startEventId;
    this.schedule = schedule;
  }

  public String processKey() {
    return processKey;
  }

  public String startEventId() {
    return startEventId;
  }

  Schedule scheduleIn(CalendarProperties calendar) {
    return schedule.apply(calendar);
  }
}
