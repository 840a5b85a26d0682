package jp.bansou.evaluation;

import static org.camunda.spin.Spin.JSON;

import java.math.BigDecimal;
import java.util.List;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.kpi.KpiReport;
import jp.bansou.kpi.KpiReports;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Gives the evaluation the KPI report of the fiscal year that has just ended, so staff and the committee
 * judge the same figures managers and auditors read on the report page and in its CSV. The rows go in as a
 * JSON list ({@code kpiFigures}), which Tasklist hands to the forms' read-only table.
 */
@Component("attachYearFigures")
public class AttachYearFigures implements JavaDelegate {

  private final KpiReports reports;

  AttachYearFigures(KpiReports reports) {
    this.reports = reports;
  }

  /**
   * One row of the evaluation sheet as the forms show it.
   *
   * @param target A, or null where the plan sets none for the year
   * @param actual B, or null while unmeasured (the mark then says 未計測)
   * @param mark ○ △ × － or 未計測
   */
  public record Figure(String id, String section, String label, String unit, BigDecimal target, BigDecimal actual,
      BigDecimal achievementPercent, String mark) {}

  /** The evaluation starts after the year has ended: it is about the fiscal year before the current one. */
  @Override
  public void execute(DelegateExecution execution) {
    FiscalYear year = FiscalYear.containing(ClockUtil.getCurrentTime()).previous();
    KpiReport report = reports.report(year);
    List<Figure> figures = report.rows().stream()
        .map(row -> new Figure(row.id(), row.section(), row.label(), row.unit(), row.target(), row.actual(),
            row.achievementPercent(), row.verdict()))
        .toList();
    execution.setProcessBusinessKey("evaluation-" + report.fiscalYear());
    execution.setVariable("fiscalYear", report.fiscalYear());
    execution.setVariable("fiscalYearName", report.fiscalYearName());
    execution.setVariable("kpiFigures", SpinValues.jsonValue(JSON(figures)).create());
  }
}
