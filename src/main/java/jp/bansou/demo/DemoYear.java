package jp.bansou.demo;

import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.bansou.analysis.AnalysisNames;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanClock;
import jp.bansou.dx.DxNames;
import jp.bansou.fair.FairNames;
import jp.bansou.fair.FairProperties;
import jp.bansou.followup.FollowUpNames;
import jp.bansou.plan.PlanNames;
import jp.bansou.referral.ReferralNames;
import jp.bansou.startup.StartupNames;
import jp.bansou.succession.SuccessionNames;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A living demo year for a newcomer (bansou.demo.year.enabled, off in prod): fictitious Rumoi businesses in
 * the registry and their cases driven through the real models with the engine API, as the staff would
 * have worked them over the past months — finished analyses, a plan in follow-up, an overdue visit that
 * has reached the manager, an open referral, fresh cases, and every other support track: a fair, a startup
 * and a succession in their follow-up, a business meeting with a deal and an open lead, a DX follow-up. The engine clock is moved into the past only
 * here, with the job executor paused, and put back before anything else runs. A business that already has
 * cases is left alone, so restarts add nothing (and a demo database from an older version gains only the
 * businesses added since).
 */
@Component
class DemoYear {

  private static final Logger LOG = LoggerFactory.getLogger(DemoYear.class);

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final BusinessRegistry registry;
  private final DemoYearProperties properties;
  private final FairProperties fairs;

  DemoYear(ProcessEngine engine, BusinessRegistry registry, DemoYearProperties properties, FairProperties fairs) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.registry = registry;
    this.properties = properties;
    this.fairs = fairs;
  }

  private interface Story {
    void tell(Instant now);
  }

  private record Chapter(Business business, Story story) {}

  /** After the demo staff exist (StaffSetup runs first). */
  @Order(10)
  @EventListener(ApplicationStartedEvent.class)
  void fill() {
    if (!properties.enabled()) {
      return;
    }
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean executorWasActive = executor != null && executor.isActive();
    if (executorWasActive) {
      executor.shutdown();
    }
    Instant now = Instant.now();
    int told = 0;
    try {
      for (Chapter chapter : chapters()) {
        String id = chapter.business().id();
        if (registry.find(id).isEmpty()) {
          registry.save(chapter.business());
        }
        if (!hasCases(id)) {
          chapter.story().tell(now);
          // a business registered without support yet is met again at each start, with nothing to tell
          told += hasCases(id) ? 1 : 0;
        }
      }
    } finally {
      ClockUtil.reset();
      if (executorWasActive) {
        executor.start();
      }
    }
    if (told > 0) {
      LOG.info("Demo year: cases of {} fictitious businesses driven to their stages", told);
    }
  }

  private boolean hasCases(String businessId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessId)
        .count() > 0;
  }

  private List<Chapter> chapters() {
    return List.of(
        new Chapter(business("DEMO-001", "株式会社留萌かずの子食品", "ルモイカズノコショクヒン", LegalForm.CORPORATION, "製造業", 12,
            "石狩 勇", 58, "北海道留萌市船場町2丁目", "sato"), now -> {
              // last year's analysis, then this year's analysis that led to a plan now in quarterly follow-up
              ProcessInstance earlier = analysis("DEMO-001", "sato", "blueReturn", now.minus(days(640)), 41000);
              finishAnalysis(earlier, "end");
              ProcessInstance analysis = analysis("DEMO-001", "sato", "marukeiLoan", now.minus(days(290)), 48000);
              finishAnalysis(analysis, "plan");
              ProcessInstance plan = calledInstance(analysis, PlanNames.PROCESS);
              draftAndFinalizePlan(plan, 48000, 49500, "通年商品「数の子チーズ」の道外販路開拓", false);
              followUpOnTrack(analysis, now.minus(days(5)), 12400);
            }),
        new Chapter(business("DEMO-002", "黄金岬食堂", "オウゴンミサキショクドウ", LegalForm.SOLE_PROPRIETOR,
            "宿泊業、飲食サービス業", 3, "岬 花子", 67, "北海道留萌市大町3丁目", "ito"), now -> {
              ProcessInstance analysis = analysis("DEMO-002", "ito", "seminar", now.minus(days(200)), 18000);
              finishAnalysis(analysis, "end");
            }),
        new Chapter(business("DEMO-003", "港町鮮魚店", "ミナトマチセンギョテン", LegalForm.SOLE_PROPRIETOR, "卸売業、小売業", 4,
            "港 一郎", 71, "北海道留萌市港町1丁目", "sato"), now -> {
              // a plan whose first visit was never recorded: the advisor was reminded, then the manager alerted
              ProcessInstance plan = planInTasklist("DEMO-003", "sato", now.minus(days(160)));
              draftAndFinalizePlan(plan, 26000, 26800, "鮮魚の加工品化とふるさと納税への出品", false);
              runTimersUntil(plan, now);
            }),
        new Chapter(business("DEMO-004", "留萌建設工業株式会社", "ルモイケンセツコウギョウ", LegalForm.CORPORATION, "建設業", 28,
            "錦 健太", 63, "北海道留萌市錦町4丁目", "ito"), now -> {
              ProcessInstance analysis = analysis("DEMO-004", "ito", "subsidy", now.minus(days(120)), 310000);
              analyseAndFeedBack(analysis, putValue(AnalysisNames.NEXT_STEP, "referral")
                  .putValue("referralReason", "後継者への事業承継と設備更新を同時に進めたい"));
              ProcessInstance referral = calledInstance(analysis, ReferralNames.PROCESS);
              complete(referral, ReferralNames.RECORD_REFERRAL,
                  putValue("referralDate", localDate(now.minus(days(100)))));
            }),
        new Chapter(business("DEMO-005", "るもい理容室", "ルモイリヨウシツ", LegalForm.SOLE_PROPRIETOR,
            "生活関連サービス業、娯楽業", 1, "栄 次郎", 74, "北海道留萌市栄町2丁目", "sato"),
            now -> analysis("DEMO-005", "sato", "seminar", now.minus(days(4)), 0)),
        new Chapter(business("DEMO-006", "三泊運輸有限会社", "サントマリウンユ", LegalForm.CORPORATION, "運輸業、郵便業", 9,
            "三泊 誠", 52, "北海道留萌市三泊町", "ito"), now -> {
              ProcessInstance analysis = analysis("DEMO-006", "ito", "counter", now.minus(days(20)), 0);
              complete(analysis, AnalysisNames.ENTER_FINANCIAL_FIGURES, figures(95000));
            }),
        new Chapter(business("DEMO-007", "礼受牧場", "レウケボクジョウ", LegalForm.SOLE_PROPRIETOR, "農林漁業", 2,
            "礼受 大地", 45, "北海道留萌市礼受町", "sato"), now -> {
              // registered from the office system; no support yet
            }),
        new Chapter(business("DEMO-008", "株式会社るもいITソリューションズ", "ルモイアイティーソリューションズ", LegalForm.CORPORATION,
            "情報通信業", 6, "元町 彩", 39, "北海道留萌市元町1丁目", "ito"), now -> {
              ProcessInstance plan = planInTasklist("DEMO-008", "ito", now.minus(days(30)));
              complete(plan, PlanNames.DRAFT_PLAN, draft(22000, 23500, "自治体向けDX支援サービスの立ち上げ", true));
            }),
        new Chapter(business("DEMO-009", "留萌菓子工房", "ルモイカシコウボウ", LegalForm.SOLE_PROPRIETOR, "製造業", 5,
            "沖見 由紀", 48, "北海道留萌市沖見町3丁目", "sato"), now -> {
              // applied for the next Tabe-Marché; the first pieces of advice are given, the rest are open
              at(now.minus(days(10)));
              ProcessInstance fair = runtime.startProcessInstanceByKey(FairNames.TRADE_FAIR, "DEMO-009",
                  putValue("advisor", "sato").putValue("productName", "るもい銘菓「黄金岬の夕陽」"));
              complete(fair, FairNames.APPLY_FOR_FAIR, putValue("fairId", "tabe-marche")
                  .putValue("applicationDate", localDate(now.minus(days(10)))));
              advance(days(5));
              complete(fair, FairNames.ADVISE_ON_PAMPHLET, putValue("adviceDate", localDate(now.minus(days(5))))
                  .putValue("adviceNotes", "商品の由来と食べ方を写真で伝える"));
              complete(fair, FairNames.ADVISE_ON_PRODUCT, putValue("adviceDate", localDate(now.minus(days(5))))
                  .putValue("adviceNotes", "試食用の小分け包装を用意する"));
            }),
        new Chapter(business("DEMO-010", "るもい珈琲焙煎所", "ルモイコーヒーバイセンジョ", LegalForm.SOLE_PROPRIETOR,
            "宿泊業、飲食サービス業", 1, "開運 翔太", 34, "北海道留萌市開運町2丁目", "ito"), now -> {
              // founded four months ago with JFC financing and the city's grant; the monthly visits go on
              ProcessInstance startup = startup("DEMO-010", "ito", now.minus(days(190)), now.minus(days(124)));
              followUpOnTrack(startup, now.minus(days(10)), 1300);
              runTimersUntil(startup, now);
            }),
        new Chapter(business("DEMO-011", "有限会社留萌金物店", "ルモイカナモノテン", LegalForm.CORPORATION, "卸売業、小売業", 3,
            "本町 茂", 76, "北海道留萌市本町1丁目", "sato"), now ->
        // no successor in the family: referred to the succession centre, now visited every quarter
        succession("DEMO-011", "sato", now.minus(days(220)), now)),
        new Chapter(business("DEMO-012", "るもい海産ギフト株式会社", "ルモイカイサンギフト", LegalForm.CORPORATION, "製造業", 15,
            "船場 拓也", 55, "北海道留萌市船場町1丁目", "ito"), now ->
        // last business meeting: one buyer became a deal, another is still negotiating
        businessMeeting("DEMO-012", "ito", now)),
        new Chapter(business("DEMO-013", "留萌みなと旅館", "ルモイミナトリョカン", LegalForm.SOLE_PROPRIETOR,
            "宿泊業、飲食サービス業", 6, "潮見 恵子", 61, "北海道留萌市潮静1丁目", "sato"), now -> {
              // after the DX seminar: booking site and SNS adopted, the sales effect is recorded in a year
              at(now.minus(days(70)));
              ProcessInstance dx = runtime.startProcessInstanceByKey(DxNames.PROCESS, "DEMO-013",
                  putValue("advisor", "sato")
                      .putValue("previousYearSales", 52000L).putValue("dxWishes", "インターネットで直接予約を受けたい"));
              advance(days(14));
              complete(dx, DxNames.SUPPORT_DX, putValue("dxSupportDate", today()).putValue("dxWebsite", true)
                  .putValue("dxSns", true).putValue("dxToolsDetail", "自社予約サイト、Instagram")
                  .putValue("dxSupportNotes", "客室の写真と地元の食の紹介から始めた"));
            }));
  }

  private static Business business(String id, String name, String kana, LegalForm form, String industry,
      int employees, String representative, int age, String address, String advisor) {
    String number = id.substring(id.length() - 3);
    return new Business(id, name, kana, form, industry, employees, representative, age, address,
        "0164-00-0" + number, "info-" + number.toLowerCase() + "@example.jp", true, advisor);
  }

  // --- the staff's work, step by step through the real models ---

  private ProcessInstance analysis(String businessId, String advisor, String entryRoute, Instant startedAt,
      long sales) {
    at(startedAt);
    ProcessInstance analysis = runtime.startProcessInstanceByKey(AnalysisNames.PROCESS, businessId,
        putValue("advisor", advisor).putValue("entryRoute", entryRoute));
    if (sales > 0) {
      at(startedAt.plus(days(7)));
      complete(analysis, AnalysisNames.ENTER_FINANCIAL_FIGURES, figures(sales));
      complete(analysis, AnalysisNames.REVIEW_FINANCIAL_ANALYSIS,
          putValue("financialAnalysisNotes", "収益性は業種平均並み、借入の返済負担が重い").putValue("correctFigures", false));
    }
    return analysis;
  }

  private void finishAnalysis(ProcessInstance analysis, String nextStep) {
    analyseAndFeedBack(analysis, putValue(AnalysisNames.NEXT_STEP, nextStep));
  }

  private void analyseAndFeedBack(ProcessInstance analysis, VariableMap decision) {
    advance(days(14));
    complete(analysis, AnalysisNames.ANALYSE_NON_FINANCIALS, putValue("strengths", "地元で長く続く信用と固定客")
        .putValue("weaknesses", "人手不足、販路が地元に偏る").putValue("opportunities", "道外への通信販売、観光客の増加")
        .putValue("threats", "原材料・燃料価格の高騰、人口減少").putValue("viewOwner", "事業継続への意欲が高い")
        .putValue("viewBusiness", "主力商品の売上が季節に偏る").putValue("viewEnvironment", "取引先は道内が中心")
        .putValue("viewInternalManagement", "経理は税理士に委託"));
    advance(days(7));
    VariableMap feedback = putValue("feedbackDate", localDate(ClockUtil.getCurrentTime().toInstant()))
        .putValue("feedbackNotes", "分析結果を説明し、今後の取組を話し合った");
    feedback.putAll(decision);
    complete(analysis, AnalysisNames.FEED_BACK_RESULTS, feedback);
  }

  private ProcessInstance planInTasklist(String businessId, String advisor, Instant startedAt) {
    at(startedAt);
    return runtime.startProcessInstanceByKey(PlanNames.PROCESS, businessId, putValue("advisor", advisor));
  }

  private void draftAndFinalizePlan(ProcessInstance plan, long previousSales, long target, String actions,
      boolean specialist) {
    advance(days(10));
    complete(plan, PlanNames.DRAFT_PLAN, draft(previousSales, target, actions, specialist));
    advance(days(5));
    complete(plan, PlanNames.FINALIZE_PLAN, putValue("planPeriodYears", 3L).putValue("previousYearSales", previousSales)
        .putValue("salesTargetYear1", target).putValue("planActions", actions)
        .putValue("planCompletedDate", localDate(ClockUtil.getCurrentTime().toInstant())));
    executeDueJobs(plan.getRootProcessInstanceId());
  }

  /** From the first consultation to the founding; the monthly follow-up starts on the founding day. */
  private ProcessInstance startup(String businessId, String advisor, Instant consultedAt, Instant foundedAt) {
    at(consultedAt);
    ProcessInstance startup = runtime.startProcessInstanceByKey(StartupNames.PROCESS, businessId,
        putValue("advisor", advisor).putValue("entryRoute", "jfc"));
    complete(startup, StartupNames.RECORD_PRE_FOUNDING_CONSULTATION, putValue("consultationDate", today())
        .putValue("businessIdea", "道の駅近くで自家焙煎珈琲と地元菓子の喫茶店")
        .putValue("founderConcerns", "開業資金と冬季の集客").putValue("startupNextStep", "plan"));
    advance(days(14));
    complete(startup, StartupNames.DRAFT_PLAN, putValue("plannedFoundingDate", localDate(foundedAt))
        .putValue("businessSummary", "自家焙煎珈琲と地元菓子の喫茶店").putValue("startupFunds", 9000L)
        .putValue("ownFunds", 2000L).putValue("salesTargetYear1", 18000L)
        .putValue("planActions", "内装工事、開業前のSNS告知、冬季限定メニュー")
        .putValue("needsFinancing", true).putValue("appliesForCityGrant", true));
    advance(days(21));
    complete(startup, StartupNames.RECORD_JFC_FINANCING, putValue("financingAmount", 7000L)
        .putValue("financingApplicationDate", localDate(ClockUtil.getCurrentTime().toInstant().minus(days(14))))
        .putValue("financingResult", "approved").putValue("financingDecisionDate", today()));
    complete(startup, StartupNames.RECORD_CITY_GRANT, putValue("cityGrantApplicationDate", today())
        .putValue("cityGrantAmountApplied", 1000L).putValue("cityGrantResult", "approved")
        .putValue("cityGrantAmountGranted", 800L).putValue("cityGrantDecisionDate", today()));
    advance(days(7));
    complete(startup, StartupNames.FINALIZE_PLAN, putValue("plannedFoundingDate", localDate(foundedAt))
        .putValue("salesTargetYear1", 18000L).putValue("planActions", "開業前のSNS告知、冬季限定メニュー")
        .putValue("startupPlanCompletedDate", today()));
    at(foundedAt);
    complete(startup, StartupNames.RECORD_FOUNDING,
        putValue("foundingStatus", "founded").putValue("foundingDate", today())
            .putValue("legalForm", "soleProprietor").putValue("employees", 1L));
    executeDueJobs(startup.getRootProcessInstanceId());
    return startup;
  }

  /** An M&A succession: the succession centre values the shares, then the visits of the first year. */
  private void succession(String businessId, String advisor, Instant consultedAt, Instant now) {
    at(consultedAt);
    ProcessInstance succession = runtime.startProcessInstanceByKey(SuccessionNames.PROCESS, businessId,
        putValue("advisor", advisor).putValue("entryRoute", "survey"));
    complete(succession, SuccessionNames.HEAR_SITUATION, putValue("hearingDate", today()).putValue("ownerAge", 76L)
        .putValue("successorStatus", "none").putValue("successionTiming", "withinThreeYears")
        .putValue("ownerIntentions", "店と従業員の雇用は残したいが、親族に継ぐ者がいない"));
    advance(days(14));
    String request = "譲渡先の探索と自社株式の評価";
    complete(succession, SuccessionNames.DRAFT_PLAN, putValue("successionMethod", "thirdParty")
        .putValue("plannedSuccessionDate", localDate(now.plus(days(500))))
        .putValue("planActions", "株価評価、譲渡先の探索、取引先と金融機関への説明")
        .putValue("needsSuccessionCentre", true).putValue("successionCentreRequest", request)
        .putValue("needsFinancing", false));
    ProcessInstance referral = calledInstance(succession, ReferralNames.PROCESS);
    advance(days(5));
    complete(referral, ReferralNames.RECORD_REFERRAL, putValue("referralBody", "北海道事業承継・引継ぎ支援センター")
        .putValue("referralReason", request).putValue("referralDate", today()));
    advance(days(30));
    complete(referral, ReferralNames.RECORD_OUTCOME, putValue("referralOutcomeDate", today())
        .putValue("referralOutcome", "resolved")
        .putValue("referralOutcomeNotes", "株価を評価し、センターの登録機関で譲渡先の探索を開始"));
    advance(days(7));
    complete(succession, SuccessionNames.FINALIZE_PLAN, putValue("successionMethod", "thirdParty")
        .putValue("plannedSuccessionDate", localDate(now.plus(days(500))))
        .putValue("planActions", "譲渡先との面談、取引先と金融機関への説明").putValue("successionPlanCompletedDate", today()));
    executeDueJobs(succession.getRootProcessInstanceId());
    followUpOnTrack(succession, now, 9000);
  }

  /**
   * The chamber's business meeting of the last edition that ended at least two weeks ago: applied for two
   * months before, the sheet, the buyers, two business cards; one lead became a deal, the other is
   * followed up again a couple of days ago.
   */
  private void businessMeeting(String businessId, String advisor, Instant now) {
    FairProperties.Fair meeting = fairs.events().stream()
        .filter(fair -> fair.kind() == FairProperties.Kind.BUSINESS_MEETING).findFirst().orElseThrow();
    LocalDate today = now.atZone(PlanClock.zone()).toLocalDate();
    int year = today.getYear();
    while (meeting.lastDay().atYear(year).plusDays(14).isAfter(today)) {
      year--;
    }
    LocalDate firstDay = meeting.firstDay().atYear(year);
    LocalDate lastDay = meeting.lastDay().atYear(year);

    at(morningOf(firstDay.minusDays(60)));
    ProcessInstance instance = runtime.startProcessInstanceByKey(FairNames.BUSINESS_MEETING, businessId,
        putValue("advisor", advisor).putValue("productName", "留萌産 味付け数の子"));
    complete(instance, FairNames.APPLY_FOR_MEETING,
        putValue("fairId", meeting.id()).putValue("applicationDate", today()));
    at(morningOf(firstDay.minusDays(25)));
    complete(instance, FairNames.PREPARE_MEETING_SHEET,
        putValue("representative", "船場 拓也").putValue("contactPerson", "船場 美咲")
            .putValue("companyAddress", "〒077-0000 北海道留萌市船場町1丁目").putValue("companyTel", "0164-00-0012")
            .putValue("companyFax", "0164-00-0013").putValue("companyEmail", "info-012@example.jp")
            .putValue("productName", "留萌産 味付け数の子").putValue("bestBefore", "製造日から90日（冷凍）")
            .putValue("origin", "北海道留萌市").putValue("ingredients", "数の子、醤油、みりん").putValue("content", "200g")
            .putValue("unitsPerCase", "1ケース20個").putValue("productPrice", 1500).putValue("salesTarget", "首都圏の百貨店、贈答用")
            .putValue("useScene", "お正月のおせち、お歳暮").putValue("features", "留萌の老舗の味付け")
            .putValue("photoReferences", "商談会フォルダの数の子.jpg").putValue("hygiene", "HACCPに沿った衛生管理")
            .putValue("crisisManagement", "PL保険加入、回収手順あり"));
    at(morningOf(firstDay));
    executeDueJobs(instance.getRootProcessInstanceId());
    complete(instance, FairNames.INTRODUCE_BUYERS,
        putValue("buyersIntroduced", 3).putValue("buyerNames", "札幌食品卸\n東京百貨店\n道央スーパー"));
    at(morningOf(lastDay.plusDays(2)));
    complete(instance, FairNames.RECORD_CUSTOMER_LIST, putValue("leads", SpinValues.jsonValue("""
        [{"company":"札幌食品卸","contactPerson":"佐々木","phone":"011-200-0000","interest":"通年の定番品"},
         {"company":"東京百貨店","contactPerson":"山田","email":"yamada@tokyo-dept.example.jp","interest":"歳暮ギフト"}]""")
        .create()));
    at(morningOf(lastDay.plusDays(6)));
    complete(lead(instance, "札幌食品卸"), putValue("leadContactDate", today()).putValue("leadStatus", "deal")
        .putValue("leadNotes", "サンプルを試食いただいた").putValue("dealDetails", "月200パックの定期納品"));
    runTimersUntil(instance, now.minus(days(2)));
    for (Task reminder : tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(FairNames.REMIND_OF_LEAD)
        .list()) {
      complete(reminder, putValue("plannedContactDate", localDate(now.minus(days(2))))
          .putValue("leadReminderNotes", "バイヤーの出張明けに電話する"));
    }
    at(now.minus(days(2)));
    complete(lead(instance, "東京百貨店"), putValue("leadContactDate", today()).putValue("leadStatus", "negotiating")
        .putValue("leadNotes", "見積りを提出、包装の仕様を相談中").putValue("leadNextStep", "包装の見本を送る"));
  }

  private Task lead(ProcessInstance meeting, String company) {
    return tasks.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey(FairNames.FOLLOW_UP_LEAD).list()
        .stream()
        .filter(task -> company.equals(tasks.getVariable(task.getId(), FairNames.LEAD_COMPANY))).findFirst()
        .orElseThrow(
            () -> new IllegalStateException("demo meeting " + meeting.getBusinessKey() + " has no lead " + company));
  }

  private static VariableMap draft(long previousSales, long target, String actions, boolean specialist) {
    return putValue("planStartDate", localDate(ClockUtil.getCurrentTime().toInstant())).putValue("planPeriodYears", 3L)
        .putValue("previousYearSales", previousSales).putValue("salesTargetYear1", target)
        .putValue("salesTargetYear2", Math.round(target * 1.03)).putValue("salesTargetYear3", Math.round(target * 1.06))
        // the draft form asks for all five years' targets, whatever the plan's period
        .putValue("salesTargetYear4", Math.round(target * 1.09)).putValue("salesTargetYear5", Math.round(target * 1.12))
        .putValue("planActions", actions).putValue("needsSpecialist", specialist).putValue("needsFinancing", false);
  }

  /** Records each follow-up visit on the day it falls due, until the given moment. */
  private void followUpOnTrack(ProcessInstance root, Instant until, long quarterSales) {
    for (int step = 0; step < 100; step++) {
      Task visit = tasks.createTaskQuery().processInstanceBusinessKey(root.getBusinessKey())
          .taskDefinitionKey(FollowUpNames.RECORD_VISIT).singleResult();
      if (visit != null) {
        complete(visit, putValue("visitDate", localDate(ClockUtil.getCurrentTime().toInstant()))
            .putValue("salesToDate", quarterSales).putValue("progress", "onTrack")
            .putValue("issues", "特になし").putValue("nextActions", "計画どおり継続"));
        continue;
      }
      if (!nextTimer(root, until)) {
        return;
      }
    }
  }

  private void runTimersUntil(ProcessInstance root, Instant until) {
    while (nextTimer(root, until)) {
      // each step fires what is due at the next timer
    }
  }

  /** Moves the clock to the case's next timer and fires what is due then; false when none is due by then. */
  private boolean nextTimer(ProcessInstance root, Instant until) {
    List<Job> timers = management.createJobQuery().rootProcessInstanceId(root.getRootProcessInstanceId()).timers()
        .orderByJobDuedate().asc().listPage(0, 1);
    if (timers.isEmpty() || timers.get(0).getDuedate().toInstant().isAfter(until)) {
      return false;
    }
    at(timers.get(0).getDuedate().toInstant());
    executeDueJobs(root.getRootProcessInstanceId());
    return true;
  }

  private void executeDueJobs(String rootProcessInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().rootProcessInstanceId(rootProcessInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private ProcessInstance calledInstance(ProcessInstance caller, String processKey) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .processDefinitionKey(processKey).singleResult();
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("demo case " + instance.getBusinessKey() + " does not wait at " + taskKey);
    }
    complete(task, variables);
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  /** A business's year in thousand yen, in the proportions of a small Rumoi business. */
  private static VariableMap figures(long sales) {
    return putValue("sales", sales).putValue("previousSales", Math.round(sales / 1.04))
        .putValue("costOfSales", Math.round(sales * 0.62))
        .putValue("sellingAndAdministrativeExpenses", Math.round(sales * 0.33))
        .putValue("operatingProfit", Math.round(sales * 0.05)).putValue("depreciation", Math.round(sales * 0.03))
        .putValue("employees", 4L).putValue("borrowings", Math.round(sales * 0.45))
        .putValue("cashAndDeposits", Math.round(sales * 0.15)).putValue("accountsReceivable", Math.round(sales * 0.12))
        .putValue("inventory", Math.round(sales * 0.06)).putValue("accountsPayable", Math.round(sales * 0.1))
        .putValue("netAssets", Math.round(sales * 0.2)).putValue("totalAssets", Math.round(sales * 0.75))
        .putValue("fixedCosts", Math.round(sales * 0.3)).putValue("variableCosts", Math.round(sales * 0.6));
  }

  private static void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private static void advance(Duration duration) {
    at(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static String localDate(Instant instant) {
    return instant.atZone(PlanClock.zone()).toLocalDate().toString();
  }

  private static String today() {
    return localDate(ClockUtil.getCurrentTime().toInstant());
  }

  private static Instant morningOf(LocalDate day) {
    return day.atTime(LocalTime.of(10, 0)).atZone(PlanClock.zone()).toInstant();
  }
}
