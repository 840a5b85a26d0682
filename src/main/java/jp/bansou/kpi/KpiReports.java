package jp.bansou.kpi;

import jp.bansou.calendar.PlanClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Predicate;
import jp.bansou.calendar.BusinessCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Builds the KPI report of a fiscal year from the chamber's targets and the engine's history. A row whose
 * model is not deployed (or that names no measure yet) is reported as 未計測, never as 0.
 */
@Service
public class KpiReports {

  static final int MAX_PAGE_SIZE = 200;
  /** A year not over is not judged: its rows say so instead of showing ○△×. */
  static final String RUNNING_MARK = "年度途中";
  static final String RUNNING_LABEL = "年度途中（判定は年度末）";

  private final PlanTargets targets;
  private final HistoryMeasures measures;
  private final KpiCounts counts;
  private final RepositoryService repository;
  private final BigDecimal partlyMetFrom;
  private BusinessRegistry registry;
  /** The days a running year's pace counts: every calendar day unless the chamber counts open days. */
  private Predicate<LocalDate> paceDays = day -> true;

  @Autowired
  KpiReports(KpiProperties properties, ResourceLoader resources, HistoryMeasures measures, KpiCounts counts,
      RepositoryService repository, ManagementService management, BusinessRegistry registry,
      BusinessCalendar businessCalendar) {
    this(PlanTargets.load(resources.getResource(properties.targets())), properties.partlyMetFrom(), measures, counts,
        repository, false);
    MeasuredActivities.checkUnlessUnchanged(targets, repository, management);
    this.registry = registry;
    if (properties.paceDays() == KpiProperties.PaceDays.OPEN_DAYS) {
      this.paceDays = businessCalendar::isOpen;
    }
  }

  /** The report of targets made by hand; their measures are checked against the deployed models every time. */
  KpiReports(PlanTargets targets, BigDecimal partlyMetFrom, HistoryMeasures measures, KpiCounts counts,
      RepositoryService repository) {
    this(targets, partlyMetFrom, measures, counts, repository, true);
  }

  private KpiReports(PlanTargets targets, BigDecimal partlyMetFrom, HistoryMeasures measures, KpiCounts counts,
      RepositoryService repository, boolean check) {
    this.targets = targets;
    this.partlyMetFrom = partlyMetFrom;
    this.measures = measures;
    this.counts = counts;
    this.repository = repository;
    if (check) {
      MeasuredActivities.check(targets, repository);
    }
  }

  public PlanTargets targets() {
    return targets;
  }

  public KpiReport report(FiscalYear year) {
    return report(year, PlanClock.today());
  }

  /** The report as it stands on {@code today}: pace marks while the year runs, the verdict once it has ended. */
  KpiReport report(FiscalYear year, LocalDate today) {
    counts.refresh(KpiCounts.measuresOf(targets));
    boolean running = YearPace.running(year, today);
    BigDecimal elapsed = YearPace.elapsedShare(year, today, paceDays);
    List<KpiReport.Row> rows = new ArrayList<>();
    HistoryMeasures.Year figures = measures.of(year);
    for (TargetRow row : targets.rows()) {
      BigDecimal target = row.targetIn(year).orElse(null);
      String unmeasured = unmeasuredReason(row);
      Actual actual = unmeasured == null ? figures.actual(row) : null;
      BigDecimal value = actual == null ? null : actual.year();
      Verdict verdict = Verdict.of(target, value, partlyMetFrom);
      KpiReport.Pace pace = null;
      if (running) {
        BigDecimal due = YearPace.targetByToday(target, elapsed);
        Verdict mark = YearPace.pace(due, value, partlyMetFrom);
        pace = new KpiReport.Pace(due, mark.mark(), YearPace.paceLabel(mark));
      }
      rows.add(new KpiReport.Row(row.id(), row.section(), row.label(), row.unit(), row.counts().yamlName(),
          row.perBusiness(), row.baseline(), target, value,
          actual == null ? null : actual.aprilToSeptember(), actual == null ? null : actual.octoberToMarch(),
          Verdict.achievementPercent(target, value),
          running ? RUNNING_MARK : verdict.mark(), running ? RUNNING_LABEL : verdict.label(), unmeasured,
          unmeasured == null ? "/api/kpi/" + year.label() + "/rows/" + row.id() + "/cases" : null, pace));
    }
    return new KpiReport(year.label(), year.startYear(), year.displayName(), year.firstDay().toString(),
        year.lastDay().toString(), targets.chamber(), targets.baselineYear().label(),
        HistoryMeasures.plain(partlyMetFrom.multiply(BigDecimal.valueOf(100))).toPlainString() + "%", rows,
        new KpiReport.Progress(running, today.toString(),
            elapsed.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)));
  }

  /** The cases behind a row's actual; the row must be measured. */
  public CountedCase.Page cases(FiscalYear year, String rowId, int page, int size) {
    TargetRow row = targets.row(rowId)
        .orElseThrow(() -> new NoSuchElementException("目標の行「" + rowId + "」はありません"));
    String unmeasured = unmeasuredReason(row);
    if (unmeasured != null) {
      throw new NoSuchElementException("「" + row.label() + "」は未計測です: " + unmeasured);
    }
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page は 0 以上、size は 1〜" + MAX_PAGE_SIZE + " で指定してください");
    }
    counts.refresh(KpiCounts.measuresOf(targets));
    return withBusinessNames(measures.cases(row, year, page, size));
  }

  /** Staff know businesses by name: each case of the page gets its business's name from the registry. */
  private CountedCase.Page withBusinessNames(CountedCase.Page page) {
    if (registry == null) {
      return page;
    }
    List<CountedCase> named = page.cases().stream()
        .map(counted -> counted.businessKey() == null ? counted : counted.withBusinessName(
            registry.find(counted.businessKey()).map(business -> business.name()).orElse(null)))
        .toList();
    return new CountedCase.Page(page.fiscalYear(), page.rowId(), page.total(), page.page(), page.size(), named);
  }

  private String unmeasuredReason(TargetRow row) {
    if (row.measure() == null) {
      return "この項目を記録するモデルがまだありません";
    }
    if (latest(row.measure().process()) == null) {
      return "モデル「" + row.measure().process() + "」が配備されていません";
    }
    return null;
  }

  private ProcessDefinition latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
  }
}
