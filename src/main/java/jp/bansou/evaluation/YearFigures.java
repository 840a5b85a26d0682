package jp.bansou.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.bansou.calendar.FiscalYear;

/**
 * A fiscal year's results as far as the cases in the engine show them: what the evaluation committee is
 * given before it grades the plan's items. The names are the process variables the forms display.
 */
public record YearFigures(
    FiscalYear year,
    long finishedAnalyses,
    long finishedBusinessPlans,
    long publishedManagementTrendSurveys,
    long publishedEmploymentTrendSurveys,
    long publishedPublicServantSurveys,
    long publishedResasAnalyses,
    long analysisSeminarsHeld,
    long analysisSeminarParticipants,
    long businessPlanSeminarsHeld,
    long dxSeminarsHeld,
    long dxSeminarParticipants) {

  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("fiscalYear", year.label());
    variables.put("fiscalYearName", year.displayName());
    variables.put("finishedAnalyses", finishedAnalyses);
    variables.put("finishedBusinessPlans", finishedBusinessPlans);
    variables.put("publishedManagementTrendSurveys", publishedManagementTrendSurveys);
    variables.put("publishedEmploymentTrendSurveys", publishedEmploymentTrendSurveys);
    variables.put("publishedPublicServantSurveys", publishedPublicServantSurveys);
    variables.put("publishedResasAnalyses", publishedResasAnalyses);
    variables.put("analysisSeminarsHeld", analysisSeminarsHeld);
    variables.put("analysisSeminarParticipants", analysisSeminarParticipants);
    variables.put("businessPlanSeminarsHeld", businessPlanSeminarsHeld);
    variables.put("dxSeminarsHeld", dxSeminarsHeld);
    variables.put("dxSeminarParticipants", dxSeminarParticipants);
    return variables;
  }
}
