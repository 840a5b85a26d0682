package jp.bansou.evaluation;

import java.util.Date;
import java.util.List;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.seminar.SeminarKind;
import jp.bansou.survey.SurveyKind;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Counts a fiscal year's results from the engine's history, each a COUNT in the database: analyses and
 * business plans finished, surveys published (by their publication date), seminars held (by their date)
 * and their participants. The KPI report (issue 7) will supersede this with the plan's full table.
 */
@Component("annualFigures")
public class AnnualFigures {

  static final String MANAGEMENT_ANALYSIS = "management-analysis";
  static final String BUSINESS_PLAN = "business-plan";
  static final String REGIONAL_SURVEY = "regional-survey";
  static final String SEMINAR = "seminar";

  private final HistoryService history;

  public AnnualFigures(HistoryService history) {
    this.history = history;
  }

  /** The evaluation starts after the year has ended: it is about the fiscal year before the current one. */
  public void attach(DelegateExecution execution) {
    FiscalYear year = FiscalYear.containing(ClockUtil.getCurrentTime()).previous();
    execution.setProcessBusinessKey("evaluation-" + year.label());
    execution.setVariables(figuresFor(year).asVariables());
  }

  public YearFigures figuresFor(FiscalYear year) {
    return new YearFigures(
        year,
        finished(MANAGEMENT_ANALYSIS, year),
        finished(BUSINESS_PLAN, year),
        published(SurveyKind.MANAGEMENT_TREND, year),
        published(SurveyKind.EMPLOYMENT_TREND, year),
        published(SurveyKind.PUBLIC_SERVANT, year),
        published(SurveyKind.RESAS, year),
        seminarsHeld(SeminarKind.MANAGEMENT_ANALYSIS, year).count(),
        participants(seminarsHeld(SeminarKind.MANAGEMENT_ANALYSIS, year)),
        seminarsHeld(SeminarKind.BUSINESS_PLAN, year).count(),
        seminarsHeld(SeminarKind.DX, year).count(),
        participants(seminarsHeld(SeminarKind.DX, year)));
  }

  private long finished(String processKey, FiscalYear year) {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .completed()
        .finishedAfter(Date.from(year.start()))
        // finishedBefore includes its bound; the next year's first millisecond is not this year's.
        .finishedBefore(Date.from(year.end().minusMillis(1)))
        .count();
  }

  /** Dates from Camunda Forms are ISO strings ("2026-10-15"), which compare in date order. */
  private long published(SurveyKind kind, FiscalYear year) {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(REGIONAL_SURVEY)
        .variableValueEquals("survey", kind.name())
        .variableValueGreaterThanOrEqual("publishedOn", year.firstDay().toString())
        .variableValueLessThanOrEqual("publishedOn", year.lastDay().toString())
        .count();
  }

  private HistoricProcessInstanceQuery seminarsHeld(SeminarKind kind, FiscalYear year) {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SEMINAR)
        .variableValueEquals("seminarKind", kind.name())
        .variableValueGreaterThanOrEqual("heldOn", year.firstDay().toString())
        .variableValueLessThanOrEqual("heldOn", year.lastDay().toString())
        .variableValueGreaterThanOrEqual("participantCount", 0);
  }

  /** A year has a handful of seminars: their participant counts are added up here. */
  private long participants(HistoricProcessInstanceQuery seminars) {
    List<HistoricProcessInstance> held = seminars.list();
    if (held.isEmpty()) {
      return 0;
    }
    return history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(held.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableName("participantCount")
        .list().stream()
        .map(HistoricVariableInstance::getValue)
        .mapToLong(value -> ((Number) value).longValue())
        .sum();
  }
}
