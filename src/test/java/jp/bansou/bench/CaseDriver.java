package jp.bansou.bench;

import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One case the uneventful way, as an advisor would work it through the Java API: management analysis,
 * business plan, four quarterly follow-up visits and the year's sales, then the lessons of the case; the engine
 * clock jumps to each next timer. Runs the real models or their bare copies ({@link BareModels}).
 */
final class CaseDriver {

  private static final LocalDateTime CASE_START = LocalDateTime.of(2025, 6, 2, 9, 0);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EngineClock clock;
  private final RepositoryService repository;
  private final String keyPrefix;
  private final boolean bare;

  CaseDriver(ProcessEngine engine, boolean bare) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.clock = new EngineClock(management);
    this.repository = engine.getRepositoryService();
    this.keyPrefix = bare ? BareModels.PREFIX : "";
    this.bare = bare;
  }

  /** A business of its own for the next case, registered outside the timed part as an import would. */
  static String newBusiness(BusinessRegistry registry) {
    String businessId = "B-" + UUID.randomUUID();
    BenchBusinesses.register(registry, businessId, "sato");
    return businessId;
  }

  /** Runs the business's case to its end; returns the number of tasks completed and jobs executed. */
  int run(String businessId) {
    clock.setTo(CASE_START);
    ProcessInstance analysis = runtime.startProcessInstanceByKey(keyPrefix + "management-analysis", businessId,
        putValue("businessId", businessId).putValue("advisor", "sato").putValue("businessName", "留萌かずの子食品")
            .putValue("industry", "製造業").putValue("employees", 4L).putValue("entryRoute", "marukeiLoan"));
    String root = analysis.getId();
    String lessons = null;
    int steps = 0;
    for (int round = 0; round < 200; round++) {
      // the lessons case is a root of its own, started asynchronously (ADR 0116): its job runs here as well
      steps += lessons == null ? clock.executeDueJobs(root) : clock.executeDueJobs(root, lessons);
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessId).list();
      for (Task task : open) {
        tasks.complete(task.getId(), variablesFor(task.getTaskDefinitionKey()));
        steps++;
      }
      if (!open.isEmpty()) {
        continue;
      }
      if (runtime.createProcessInstanceQuery().processInstanceId(root).count() == 0) {
        if (lessons != null) {
          return steps;
        }
        lessons = bare ? askForLessons(analysis, businessId).getId()
            : runtime.createProcessInstanceQuery().processDefinitionKey(keyPrefix + "support-lessons")
                .processInstanceBusinessKey(businessId).singleResult().getId();
        continue;
      }
      List<Job> next = management.createJobQuery().rootProcessInstanceId(root).timers()
          .orderByJobDuedate().asc().listPage(0, 1);
      if (next.isEmpty()) {
        throw new IllegalStateException("case " + businessId + " waits for neither a task nor a timer");
      }
      ClockUtil.setCurrentTime(next.get(0).getDuedate());
    }
    throw new IllegalStateException("case " + businessId + " did not end");
  }

  /**
   * What Bansō's listener does when the analysis ends (lessons.AskForLessonsWhenTrackEnds), through the same
   * calls, for the bare copy; here in a transaction of its own after the analysis's, where Bansō's listener starts it
   * in the analysis's last transaction (its first step is asynchronous on both sides).
   */
  private ProcessInstance askForLessons(ProcessInstance analysis, String businessId) {
    String trackName = repository.getProcessDefinition(analysis.getProcessDefinitionId()).getName();
    return runtime.startProcessInstanceByKey(keyPrefix + "support-lessons", businessId, putValue("advisor", "sato")
        .putValue("businessName", "留萌かずの子食品").putValue("industry", "製造業")
        .putValue("track", analysis.getProcessDefinitionId().split(":")[0]).putValue("trackName", trackName)
        .putValue("trackCase", analysis.getId()));
  }

  private VariableMap variablesFor(String taskKey) {
    return switch (taskKey) {
      case "EnterFinancialFigures" -> putValue("sales", 48000L).putValue("previousSales", 40000L)
          .putValue("costOfSales", 30000L).putValue("sellingAndAdministrativeExpenses", 15600L)
          .putValue("operatingProfit", 2400L).putValue("depreciation", 1600L).putValue("employees", 4L)
          .putValue("borrowings", 20000L).putValue("cashAndDeposits", 8000L).putValue("accountsReceivable", 6000L)
          .putValue("inventory", 3000L).putValue("accountsPayable", 5000L).putValue("netAssets", 9000L)
          .putValue("totalAssets", 36000L).putValue("fixedCosts", 12000L).putValue("variableCosts", 28800L);
      case "ReviewFinancialAnalysis" -> putValue("financialAnalysisNotes", "収益性は業種平均並み")
          .putValue("correctFigures", false);
      case "AnalyseNonFinancials" -> putValue("strengths", "数の子の加工技術").putValue("weaknesses", "人手不足")
          .putValue("opportunities", "機能性表示食品の認定").putValue("threats", "原料価格の高騰")
          .putValue("viewOwner", "二代目、意欲が高い").putValue("viewBusiness", "年末に売上が集中")
          .putValue("viewEnvironment", "取引先は道内の卸が中心").putValue("viewInternalManagement", "経理は外部委託");
      case "FeedBackResults" -> putValue("feedbackDate", "2025-06-10").putValue("feedbackNotes", "通年商品の開発を提案")
          .putValue("analysisNextStep", "plan");
      case "DraftBusinessPlan" -> putValue("planStartDate", "2025-07-01").putValue("planPeriodYears", 1L)
          .putValue("salesTargetYear1", 49440L).putValue("planActions", "通年商品の開発と道外販路の開拓")
          .putValue("needsSpecialist", false).putValue("needsFinancing", false);
      case "FinalizeBusinessPlan" -> putValue("planCompletedDate", "2025-06-30");
      case "RecordVisit" -> putValue("visitDate", clock.now().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE))
          .putValue("salesToDate", 12400L).putValue("progress", "onTrack").putValue("issues", "特になし")
          .putValue("nextActions", "計画どおり継続");
      // the bare copy has no AssessSalesGrowth to decide the target; Bansō's overwrites this
      case "RecordAnnualSales" -> putValue("annualSales", 49500L).putValue("salesGrowthTargetMet", true);
      // asked when the analysis ends (ADR 0082): the advisor has nothing to share this time
      case "RecordLessons" -> putValue("lessonKind", "none");
      default -> throw new IllegalStateException("the benchmark's case does not expect task " + taskKey);
    };
  }
}
