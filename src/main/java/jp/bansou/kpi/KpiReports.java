package jp.bansou.kpi;

import jp.bansou.calendar.PlanClock;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Predicate;
import jp.bansou.calendar.BusinessCalendar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Builds the KPI report of a fiscal year from the chamber's targets and the engine's history. A row whose
 * model is not deployed (or that names no measure yet) is reported as 未計測, never as 0.
 */
@Service
public class KpiReports {

  private static final Logger LOG = LoggerFactory.getLogger(KpiReports.class);
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
      RepositoryService repository, BusinessRegistry registry, BusinessCalendar businessCalendar) {
    this(PlanTargets.load(resources.getResource(properties.targets())), properties.partlyMetFrom(), measures, counts,
        repository);
    this.registry = registry;
    if (properties.paceDays() == KpiProperties.PaceDays.OPEN_DAYS) {
      this.paceDays = businessCalendar::isOpen;
    }
  }

  KpiReports(PlanTargets targets, BigDecimal partlyMetFrom, HistoryMeasures measures, KpiCounts counts,
      RepositoryService repository) {
    this.targets = targets;
    this.partlyMetFrom = partlyMetFrom;
    this.measures = measures;
    this.counts = counts;
    this.repository = repository;
    checkActivitiesExist();
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

  /**
   * A measure naming an activity its (deployed) model does not have would count nothing forever: refuse it
   * at start, naming the row. Models not deployed yet are reported as unmeasured instead.
   */
  private void checkActivitiesExist() {
    Set<String> processes = new HashSet<>();
    for (TargetRow row : targets.rows()) {
      if (row.measure() == null) {
        LOG.info("KPI row {} ({}) has no measure yet: reported as 未計測", row.id(), row.label());
      } else {
        processes.add(row.measure().process());
      }
    }
    Map<String, Set<String>> elementIds = latestModels(processes);
    for (TargetRow row : targets.rows()) {
      Measure measure = row.measure();
      if (measure == null) {
        continue;
      }
      Set<String> ids = elementIds.get(measure.process());
      if (ids == null) {
        LOG.info("KPI row {} ({}): model {} is not deployed: reported as 未計測", row.id(), row.label(),
            measure.process());
        continue;
      }
      Measure of = row.rateOf() == null ? null : row.rateOf().cases();
      for (String activity : new String[]{measure.activity(), measure.passed(),
          of == null ? null : of.activity(), of == null ? null : of.passed()}) {
        if (activity != null && !ids.contains(activity)) {
          throw new PlanTargets.InvalidTargetsException("targets row '" + row.id() + "': model " + measure.process()
              + " has no activity " + activity);
        }
      }
    }
  }

  /**
   * The ids in the latest deployed model of each process, read as a stream from the deployments' stored files,
   * newest deployment first: a process's latest version is in the newest deployment that holds it. The check
   * above needs no more. A process-definition query would do the same at a restart's cost: the engine parses
   * each definition it returns to fetch its description (a DOM with schema validation), and building the engine's
   * model of each would parse it again into its deployment cache — seconds before the first request needs any of it
   * (docs/performance.md "Restart").
   */
  private Map<String, Set<String>> latestModels(Set<String> processes) {
    Map<String, Set<String>> found = new HashMap<>();
    for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
      if (found.keySet().containsAll(processes)) {
        break;
      }
      for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
        if (resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml")) {
          Model model = model(deployment.getId(), resource);
          model.processIds().stream().filter(processes::contains)
              .forEach(process -> found.putIfAbsent(process, model.elementIds()));
        }
      }
    }
    return found;
  }

  private record Model(Set<String> processIds, Set<String> elementIds) {}

  private Model model(String deploymentId, String resource) {
    Set<String> processIds = new HashSet<>();
    Set<String> ids = new HashSet<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream xml = repository.getResourceAsStream(deploymentId, resource)) {
      XMLStreamReader reader = factory.createXMLStreamReader(xml);
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String id = reader.getAttributeValue(null, "id");
          if (id != null) {
            ids.add(id);
            if ("process".equals(reader.getLocalName())) {
              processIds.add(id);
            }
          }
        }
      }
      reader.close();
    } catch (IOException | XMLStreamException e) {
      throw new IllegalStateException("cannot read model " + resource, e);
    }
    return new Model(processIds, ids);
  }

  private ProcessDefinition latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
  }
}
