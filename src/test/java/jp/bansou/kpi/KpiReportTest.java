package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.followup.FollowUpYear;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.security.StaffGroup;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FreshFiscalYear;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI report against cases driven through the real models with the engine clock set into the year.
 * Tests share one database that outlives runs, so each test works in a fiscal year that no history reaches
 * yet: the figures of that year are exactly those of the test's cases.
 */
@EngineTest
class KpiReportTest {

  @Autowired
  KpiReports reports;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identities;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  HistoryMeasures measures;
  @Autowired
  KpiCounts counts;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void aSimulatedFiscalYearGivesExactlyTheFiguresOfItsCases() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    String kazunoko = business();
    String sushi = business();
    String bakery = business();
    String startup = business();

    // three analyses fed back, two of them for one business (件: every case counts)
    analysisFedBackAt(kazunoko, LocalDateTime.of(y, 5, 10, 10, 0));
    analysisFedBackAt(kazunoko, LocalDateTime.of(y, 9, 30, 23, 59));
    analysisFedBackAt(sushi, LocalDateTime.of(y, 10, 1, 0, 0));
    // startup and succession plans: the bakery's startup plan twice (revised), one succession plan
    trackPlanFinalizedAt("startup", "FinalizeStartupPlan", bakery, LocalDateTime.of(y, 6, 15, 10, 0));
    trackPlanFinalizedAt("startup", "FinalizeStartupPlan", bakery, LocalDateTime.of(y, 12, 15, 10, 0));
    trackPlanFinalizedAt("business-succession", "FinalizeSuccessionPlan", sushi, LocalDateTime.of(y, 8, 1, 10, 0));
    // three plans finalised, two for one business (者: that business counts once)
    planFinalizedAt(kazunoko, LocalDateTime.of(y, 6, 1, 10, 0));
    planFinalizedAt(kazunoko, LocalDateTime.of(y + 1, 1, 15, 10, 0));
    planFinalizedAt(sushi, LocalDateTime.of(y, 7, 1, 10, 0));
    // plan follow-ups: kazunoko twice (visits in July and October, then one in August), sushi once (February)
    followUp(kazunoko, "plan", 2, LocalDateTime.of(y, 4, 10, 9, 0), 10_000L, 10_500L);
    followUp(kazunoko, "plan", 1, LocalDateTime.of(y, 5, 1, 9, 0), 10_000L, 9_000L);
    followUp(sushi, "plan", 1, LocalDateTime.of(y, 11, 1, 9, 0), 20_000L, 20_600L);
    // a bakery's follow-up started in the year before: its one visit and result fall into this year's April
    followUp(bakery, "plan", 1, LocalDateTime.of(y, 1, 5, 9, 0), 5_000L, 5_100L);
    // a startup's monthly visits count for the startup track only
    followUp(startup, "startup", 2, LocalDateTime.of(y, 4, 1, 9, 0), 3_000L, 3_500L);

    KpiReport report = reports.report(year);

    assertRow(report, "management-analyses", 3, 2, 1);
    assertRow(report, "business-plans", 2, 2, 1);
    assertRow(report, "startup-plans", 1, 1, 1);
    assertRow(report, "succession-plans", 1, 1, 0);
    assertRow(report, "follow-up-businesses", 3, 2, 2);
    assertRow(report, "follow-up-visits", 5, 3, 2);
    // sales +3 %: kazunoko (+5 %) in October, sushi (+3 %) in February; the bakery (+2 %) missed in April
    assertRow(report, "sales-growth-businesses", 2, 0, 2);
    assertRow(report, "startup-follow-up-businesses", 1, 1, 0);
    assertRow(report, "startup-follow-up-visits", 2, 2, 0);
    assertRow(report, "succession-follow-up-visits", 0, 0, 0);

    KpiReport.Row plans = row(report, "business-plans");
    // the year lies after today's history, inside the plan period or after it
    BigDecimal target = reports.targets().row("business-plans").orElseThrow().targetIn(year).orElse(null);
    assertThat(plans.target()).isEqualTo(target);
    // a year still running shows its pace, not the verdict (KpiPaceTest)
    boolean running = YearPace.running(year, jp.bansou.calendar.PlanClock.today());
    assertThat(plans.verdict()).isEqualTo(running ? "年度途中" : target == null ? "－" : "×");
    assertThat(plans.casesUrl()).isEqualTo("/api/kpi/" + year.label() + "/rows/business-plans/cases");
    CountedCase.Page behindPlans = reports.cases(year, "business-plans", 0, 50);
    assertThat(behindPlans.total()).isEqualTo(3);
    assertThat(behindPlans.cases()).extracting(CountedCase::businessKey)
        .containsExactly(kazunoko, sushi, kazunoko);
    assertThat(behindPlans.cases().get(0).cockpitUrl())
        .isEqualTo("/camunda/app/cockpit/default/#/bansou-history/" + behindPlans.cases().get(0).processInstanceId());
    assertThat(behindPlans.cases().get(0).countedAt()).as("the day the plan was finalised").isEqualTo(y + "-06-01");

    CountedCase.Page behindVisits = reports.cases(year, "follow-up-visits", 0, 2);
    assertThat(behindVisits.total()).as("cases, not visits").isEqualTo(4);
    assertThat(behindVisits.cases()).hasSize(2);
    assertThat(reports.cases(year, "follow-up-visits", 1, 2).cases()).hasSize(2);
  }

  @Test
  void workCountsInTheYearAndHalfOfTheDayItWasDoneNotTheDayItWasRecorded() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    String kazunoko = business();
    String sushi = business();

    // a visit made on 9/30 and recorded on 10/1 belongs to the first half
    visitRecorded(kazunoko, LocalDateTime.of(y, 9, 30, 0, 0).toLocalDate(), LocalDateTime.of(y, 10, 1, 9, 0));
    // a visit made on 3/30 and recorded on 4/2 belongs to the year that ended
    visitRecorded(sushi, LocalDateTime.of(y + 1, 3, 30, 0, 0).toLocalDate(), LocalDateTime.of(y + 1, 4, 2, 9, 0));
    // feedback given on 3/30, recorded on 4/2; a plan finalised on 9/30, recorded on 10/1
    analysisFedBack(kazunoko, (y + 1) + "-03-30", LocalDateTime.of(y + 1, 4, 2, 10, 0));
    planFinalized(sushi, y + "-09-30", LocalDateTime.of(y, 10, 1, 10, 0));

    KpiReport report = reports.report(year);
    assertRow(report, "follow-up-visits", 2, 1, 1);
    assertRow(report, "follow-up-businesses", 2, 1, 1);
    assertRow(report, "management-analyses", 1, 0, 1);
    assertRow(report, "business-plans", 1, 1, 0);
    assertThat(reports.cases(year, "follow-up-visits", 0, 10).cases()).extracting(CountedCase::countedAt)
        .containsExactly(y + "-09-30", (y + 1) + "-03-30");

    KpiReport next = reports.report(year.next());
    assertRow(next, "follow-up-visits", 0, 0, 0);
    assertRow(next, "management-analyses", 0, 0, 0);
  }

  @Test
  void fairSalesAndBusinessMeetingsCountOnTheDayTheirFormRecordsNotTheDayTheyWereEntered() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    String kazunoko = business();
    String sushi = business();
    String soba = business();

    // sales made at a fair that ended on 3/30, recorded on 4/2, belong to the year that ended
    fairSalesRecorded(kazunoko, 120_000L, (y + 1) + "-03-30", LocalDateTime.of(y + 1, 4, 2, 9, 0));
    // a fair that ended on 9/30, recorded on 10/1, belongs to the first half
    fairSalesRecorded(sushi, 80_000L, y + "-09-30", LocalDateTime.of(y, 10, 1, 9, 0));
    // buyers introduced on 3/30 and recorded on 4/2; another business's on 9/30, recorded on 10/1
    buyersIntroduced(kazunoko, (y + 1) + "-03-30", LocalDateTime.of(y + 1, 4, 2, 10, 0));
    buyersIntroduced(sushi, y + "-09-30", LocalDateTime.of(y, 10, 1, 10, 0));
    // left empty, the day is the day it was recorded
    ProcessInstance today = fairSalesRecorded(soba, 40_000L, null, LocalDateTime.of(y, 6, 1, 9, 0));

    KpiReport report = reports.report(year);
    assertRow(report, "trade-fair-businesses", 3, 2, 1);
    // (120,000 + 80,000 + 40,000) yen / 3 businesses; the halves: (80,000 + 40,000) / 2 and 120,000 / 1
    assertRow(report, "trade-fair-sales-per-business", 80_000, 60_000, 120_000);
    assertRow(report, "business-meeting-businesses", 2, 1, 1);
    assertThat(reports.cases(year, "trade-fair-businesses", 0, 10).cases()).extracting(CountedCase::countedAt)
        .containsExactly(y + "-06-01", y + "-09-30", (y + 1) + "-03-30");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(today.getId())
        .variableName("fairSalesDate").singleResult().getValue()).isEqualTo(y + "-06-01");

    KpiReport next = reports.report(year.next());
    assertRow(next, "trade-fair-businesses", 0, 0, 0);
    assertRow(next, "business-meeting-businesses", 0, 0, 0);
  }

  @Test
  void aFairSalesDayLaterThanTodayIsRefusedInJapanese() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();

    assertThatThrownBy(() -> fairSalesRecorded(business(), 10_000L, y + "-10-02", LocalDateTime.of(y, 10, 1, 9, 0)))
        .hasMessage("「販売した日（会期の最終日）」は今日（" + y + "/10/01）までの日付で入力してください（空欄なら今日の日付になります）。");
    assertThatThrownBy(() -> buyersIntroduced(business(), y + "-10-02", LocalDateTime.of(y, 10, 1, 9, 0)))
        .hasMessageStartingWith("「紹介日」は今日（" + y + "/10/01）までの日付で入力してください");
    assertRow(reports.report(year), "trade-fair-businesses", 0, 0, 0);
  }

  @Test
  void aDealCountsInTheHalfItWasConcludedWhileAnotherLeadIsStillNegotiating() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    String kazunoko = business();
    String sushi = business();

    // kazunoko exhibited in June: one deal on 7/1, its other lead still negotiating
    meetingWithLeads(kazunoko, LocalDateTime.of(y, 6, 10, 10, 0), LocalDateTime.of(y, 7, 1, 10, 0), y + "-07-01",
        "deal", "negotiating");
    // sushi exhibited in June: a deal concluded on 9/30, recorded on 10/1
    meetingWithLeads(sushi, LocalDateTime.of(y, 6, 10, 10, 0), LocalDateTime.of(y, 10, 1, 10, 0), y + "-09-30", "deal");

    KpiReport report = reports.report(year);
    assertRow(report, "business-meeting-businesses", 2, 2, 0);
    // two deals ÷ two businesses that exhibited, all in the first half
    assertRow(report, "business-meeting-deals-per-business", 1, 1, 0);
  }

  @Test
  void surveysSeminarsAndFairsCountInTheYearOfTheirDayOnceDone() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    int y = year.startYear();
    String kazunoko = business();
    String sushi = business();

    // surveys count by their publication day; one prepared but not yet published does not count
    surveyPublished("MANAGEMENT_TREND", LocalDateTime.of(y, 9, 20, 10, 0), y + "-09-20");
    ProcessInstance resas = surveyPublished("RESAS", LocalDateTime.of(y + 1, 4, 3, 10, 0), (y + 1) + "-03-31");
    surveyAwaitingPublication("EMPLOYMENT_TREND", LocalDateTime.of(y, 12, 1, 10, 0));
    // seminars count by their day once the participants are recorded; a planned one does not count
    seminarRecorded("MANAGEMENT_ANALYSIS", y + "-06-10", 12, LocalDateTime.of(y, 6, 12, 10, 0));
    seminarRecorded("MANAGEMENT_ANALYSIS", (y + 1) + "-03-31", 9, LocalDateTime.of(y + 1, 4, 2, 10, 0));
    seminarRecorded("DX", y + "-11-05", 15, LocalDateTime.of(y, 11, 6, 10, 0));
    seminarPlanned("MANAGEMENT_ANALYSIS", y + "-10-20", LocalDateTime.of(y, 8, 1, 10, 0));
    // fairs: kazunoko at two fairs, sushi at one
    fairSalesRecorded(kazunoko, 200_000L, LocalDateTime.of(y, 9, 22, 10, 0));
    fairSalesRecorded(sushi, 100_000L, LocalDateTime.of(y, 9, 25, 10, 0));
    fairSalesRecorded(kazunoko, 50_000L, LocalDateTime.of(y, 10, 21, 10, 0));
    demandSurveyFedBack(kazunoko, "fair", LocalDateTime.of(y, 9, 30, 10, 0));
    demandSurveyFedBack(kazunoko, "fair", LocalDateTime.of(y, 10, 25, 10, 0));
    demandSurveyFedBack(sushi, "tasting", LocalDateTime.of(y, 7, 1, 10, 0));

    // business meetings in November; kazunoko's three deals closed in January, sushi's lead still negotiating
    meetingWithLeads(kazunoko, LocalDateTime.of(y, 11, 7, 10, 0), LocalDateTime.of(y + 1, 1, 20, 10, 0),
        (y + 1) + "-01-20", "deal", "deal", "deal");
    meetingWithLeads(sushi, LocalDateTime.of(y, 11, 7, 10, 0), LocalDateTime.of(y + 1, 2, 20, 10, 0),
        (y + 1) + "-02-20", "negotiating");
    // DX: kazunoko adopts a website in August and is +3 % a year later; sushi adopts nothing
    dxSupported(kazunoko, true, LocalDateTime.of(y, 8, 5, 10, 0));
    dxSupported(sushi, false, LocalDateTime.of(y, 12, 5, 10, 0));
    dxSalesTargetMet(kazunoko, LocalDateTime.of(y + 1, 2, 5, 10, 0));

    KpiReport report = reports.report(year);

    assertRow(report, "business-meeting-businesses", 2, 0, 2);
    assertRow(report, "business-meeting-deals-per-business", "1.5", "0", "1.5");
    assertRow(report, "dx-businesses", 1, 1, 0);
    assertRow(report, "dx-sales-growth-businesses", 1, 0, 1);
    assertRow(report, "management-trend-survey-published", 1, 1, 0);
    assertRow(report, "resas-analysis-published", 1, 0, 1);
    // a survey published on 3/31 and recorded on 4/3 is labelled with the year it was published in
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(resas.getId())
        .singleResult().getBusinessKey()).isEqualTo("survey-" + year.label() + "-resas");
    assertRow(report, "employment-trend-survey-published", 0, 0, 0);
    assertRow(report, "analysis-seminars", 2, 1, 1);
    assertRow(report, "analysis-seminar-participants", 21, 12, 9);
    assertRow(report, "dx-seminars", 1, 0, 1);
    assertRow(report, "business-plan-seminars", 0, 0, 0);
    assertRow(report, "trade-fair-businesses", 2, 2, 1);
    // (200,000 + 100,000 + 50,000) yen / 2 businesses; the halves: 300,000 / 2 and 50,000 / 1
    assertRow(report, "trade-fair-sales-per-business", 175_000, 150_000, 50_000);
    assertRow(report, "fair-questionnaire-businesses", 1, 1, 1);
    assertRow(report, "product-brush-up-businesses", 1, 1, 0);
  }

  @Test
  void aCaseCompletedOnMarch31At2359AndOneOnApril1At0000FallIntoDifferentYears() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    String lastMinute = analysisFedBackAt(business(), LocalDateTime.of(year.startYear() + 1, 3, 31, 23, 59));
    String firstMinute = analysisFedBackAt(business(), LocalDateTime.of(year.startYear() + 1, 4, 1, 0, 0));

    assertThat(reports.cases(year, "management-analyses", 0, 10).cases())
        .extracting(CountedCase::processInstanceId).containsExactly(lastMinute);
    assertThat(reports.cases(year.next(), "management-analyses", 0, 10).cases())
        .extracting(CountedCase::processInstanceId).containsExactly(firstMinute);
    assertRow(reports.report(year), "management-analyses", 1, 0, 1);
    assertRow(reports.report(year.next()), "management-analyses", 1, 1, 0);
  }

  @Test
  void theRumoiTargetsAreComparedWithTheActualsOfR7() {
    KpiReport report = reports.report(FiscalYear.reiwa(7));

    assertThat(report.fiscalYear()).isEqualTo("R7");
    assertThat(report.westernYear()).isEqualTo(2025);
    assertThat(report.from()).isEqualTo("2025-04-01");
    assertThat(report.to()).isEqualTo("2026-03-31");
    assertThat(report.rows()).hasSize(30);
    KpiReport.Row analyses = row(report, "management-analyses");
    assertThat(analyses.target()).isEqualByComparingTo("60");
    assertThat(analyses.baseline()).isEqualByComparingTo("45");
    assertThat(analyses.actual()).isNotNull();
    KpiReport.Row fairs = row(report, "trade-fair-sales-per-business");
    assertThat(fairs.target()).isEqualByComparingTo("150000");
    assertThat(fairs.actual()).isNotNull();
    assertThat(report.rows()).as("every row of Rumoi's plan has a model recording it")
        .allSatisfy(row -> assertThat(row.unmeasuredReason()).isNull());
  }

  @Test
  void workRecordedAfterTheReportWasReadCountsWhenItIsReadAgain() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    String business = business();
    analysisFedBackAt(business, LocalDateTime.of(year.startYear(), 5, 10, 10, 0));
    assertRow(reports.report(year), "management-analyses", 1, 1, 0);

    // the counts were taken; the next visit and analysis are counted from their cases' notes alone
    analysisFedBackAt(business, LocalDateTime.of(year.startYear(), 11, 2, 10, 0));
    visitRecorded(business, year.firstDay().plusDays(20), LocalDateTime.of(year.startYear(), 4, 22, 17, 0));

    KpiReport report = reports.report(year);
    assertRow(report, "management-analyses", 2, 1, 1);
    assertRow(report, "follow-up-visits", 1, 1, 0);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BANSOU_KPI_STALE", Long.class))
        .as("every note is taken when the report is read").isZero();
  }

  @Test
  void aMeasureNewToTheTargetsIsCountedFromTheHistoryBeforeIt() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    // analyses that came by a way of entry no row counted when they were fed back
    String route = "route-" + UUID.randomUUID();
    for (LocalDateTime fedBack : List.of(LocalDateTime.of(year.startYear(), 6, 1, 10, 0),
        LocalDateTime.of(year.startYear() + 1, 2, 1, 10, 0))) {
      clock().setTo(fedBack);
      ProcessInstance analysis = runtimeService.createProcessInstanceByKey("management-analysis")
          .businessKey(business()).setVariables(caseVariables().putValue("entryRoute", route))
          .startBeforeActivity("FeedBackResults").execute();
      taskService.complete(taskOf(analysis), putValue("feedbackDate", fedBack.toLocalDate().toString())
          .putValue("feedbackNotes", "結果を説明した").putValue("analysisNextStep", "end"));
    }
    reports.report(year);
    // then the chamber adds a row counting them to its targets: its measure has never been counted
    PlanTargets targets = PlanTargets.parse("test", new org.yaml.snakeyaml.Yaml().load("""
        plan: { chamber: テスト商工会, baseline-year: R5 }
        rows:
          - id: analyses-by-route
            section: "§5"
            label: 経路別の経営分析件数
            unit: 件
            counts: cases
            targets: { R7: 1 }
            measure: { process: management-analysis, activity: FeedBackResults, where: { entryRoute: "%s" } }
        """.formatted(route)));
    KpiReports chamber = new KpiReports(targets, new BigDecimal("0.5"), measures, counts, repositoryService);

    assertRow(chamber.report(year), "analyses-by-route", 2, 1, 1);
  }

  @Test
  void aCaseTheHistoryCleanupRemovedNoLongerCounts() {
    // an analysis fed back eleven years ago: its ten years of history are over
    String business = business();
    String removed = analysisFedBackAt(business, LocalDateTime.of(2015, 6, 1, 10, 0));
    clock().setTo(LocalDateTime.now(EngineClock.JAPAN));
    FiscalYear h27 = FiscalYear.parse("H27");
    assertThat(reports.cases(h27, "management-analyses", 0, 200).cases())
        .extracting(CountedCase::processInstanceId).contains(removed);

    HistoryService history = engine.getHistoryService();
    for (int run = 0; run < 100
        && history.createHistoricProcessInstanceQuery().processInstanceId(removed).count() > 0; run++) {
      // at once, whatever the hour: the configured night window would leave the case to the next night
      managementService.executeJob(history.cleanUpHistoryAsync(true).getId());
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(removed).count()).isZero();

    assertThat(reports.cases(h27, "management-analyses", 0, 200).cases())
        .extracting(CountedCase::processInstanceId).doesNotContain(removed);
  }

  @Test
  void aRowWithoutAModelIsReportedAsUnmeasuredNotAsZero() {
    PlanTargets targets = PlanTargets.parse("test", new org.yaml.snakeyaml.Yaml().load("""
        plan: { chamber: テスト商工会, baseline-year: R5 }
        rows:
          - { id: no-measure, section: "§8", label: 計測方法のない項目, unit: 者, counts: businesses, targets: { R7: 3 } }
          - id: not-deployed
            section: "§8"
            label: 未配備のモデルの項目
            unit: 件
            counts: cases
            targets: { R7: 2 }
            measure: { process: no-such-process, activity: Anything }
          - id: analyses
            section: "§5"
            label: 経営分析件数
            unit: 件
            counts: cases
            targets: { R7: 60 }
            measure: { process: management-analysis, activity: FeedBackResults }
        """));
    KpiReports chamber = new KpiReports(targets, new BigDecimal("0.5"), measures, counts, repositoryService);

    KpiReport report = chamber.report(FiscalYear.reiwa(7));

    for (String id : List.of("no-measure", "not-deployed")) {
      KpiReport.Row row = row(report, id);
      assertThat(row.actual()).as(id).isNull();
      assertThat(row.verdict()).isEqualTo("未計測");
      assertThat(row.achievementPercent()).isNull();
      assertThat(row.casesUrl()).isNull();
    }
    assertThat(row(report, "not-deployed").unmeasuredReason()).contains("no-such-process");
    assertThat(row(report, "analyses").actual()).isNotNull();
    assertThatThrownBy(() -> chamber.cases(FiscalYear.reiwa(7), "no-measure", 0, 10))
        .hasMessageContaining("未計測");
  }

  @Test
  void managersAndAuditorsReadTheReportAndTheCsv() {
    for (String reader : List.of("takahashi", "tanaka", "admin")) {
      ResponseEntity<Map> json = http.withBasicAuth(reader, "demo").getForEntity("/api/kpi/R7", Map.class);
      assertThat(json.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(json.getBody()).containsEntry("fiscalYear", "R7").containsEntry("westernYear", 2025);
    }
    ResponseEntity<Map> western = http.withBasicAuth("tanaka", "demo").getForEntity("/api/kpi/2025", Map.class);
    assertThat(western.getBody()).containsEntry("fiscalYear", "R7");

    ResponseEntity<byte[]> csv = http.withBasicAuth("tanaka", "demo").getForEntity("/api/kpi/R7.csv", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("成果検証シート_R7_2025年度.csv");
    byte[] bytes = csv.getBody();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    String[] lines = text.split("\r\n", -1);
    assertThat(lines[0]).startsWith("\"年度\",\"項番\",\"区分\",\"支援内容\",\"単位\",\"現状\",\"目標(A)\"");
    assertThat(lines[7]).contains("\"経営分析件数\"", "\"件\"", "\"45\"", "\"60\"");
    assertThat(lines).hasSize(1 + 30 + 1);
    assertThat(lines[31]).isEmpty();
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void anAdvisorIsRefusedAndAnAnonymousCallerAskedToLogIn() {
    ResponseEntity<Map> advisor = http.withBasicAuth("sato", "demo").getForEntity("/api/kpi/R7", Map.class);
    assertThat(advisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) advisor.getBody().get("message")).contains("閲覧できます");
    assertThat(http.withBasicAuth("suzuki", "demo").getForEntity("/api/kpi/R7.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> anonymous = http.getForEntity("/api/kpi/R7", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    // a user of its own: the engine locks a user for a while after a wrong password
    String manager = "kpiprobe" + UUID.randomUUID().toString().substring(0, 8);
    User probe = identities.newUser(manager);
    probe.setPassword("right");
    identities.saveUser(probe);
    identities.createMembership(manager, StaffGroup.MANAGERS.id());
    assertThat(http.withBasicAuth(manager, "right").getForEntity("/api/kpi/R7", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(manager, "wrong").getForEntity("/api/kpi/R7", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aBadFiscalYearOrRowIsAClearRefusal() {
    ResponseEntity<Map> bad = http.withBasicAuth("takahashi", "demo").getForEntity("/api/kpi/2025-26", Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) bad.getBody().get("message")).contains("R7 または 2025");

    ResponseEntity<Map> unknownRow = http.withBasicAuth("takahashi", "demo")
        .getForEntity("/api/kpi/R7/rows/no-such-row/cases", Map.class);
    assertThat(unknownRow.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> tooLarge = http.withBasicAuth("takahashi", "demo")
        .getForEntity("/api/kpi/R7/rows/follow-up-visits/cases?size=100000", Map.class);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theReportPageIsInJapaneseAndLoadsNothingFromOutside() {
    ResponseEntity<String> page = http.getForEntity("/kpi/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<html lang=\"ja\">", "成果検証").doesNotContain("http://", "https://");
    assertThat(http.getForEntity("/kpi/kpi.js", String.class).getBody()).contains("/api/kpi/")
        .doesNotContain("https://");
  }

  // ---- driving the cases

  private String analysisFedBackAt(String business, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    ProcessInstance analysis = runtimeService.createProcessInstanceByKey("management-analysis").businessKey(business)
        .setVariables(caseVariables().putValue("entryRoute", "seminar"))
        .startBeforeActivity("FeedBackResults").execute();
    taskService.complete(taskOf(analysis),
        putValue("feedbackDate", japanTime.toLocalDate().toString()).putValue("feedbackNotes", "結果を説明した")
            .putValue("analysisNextStep", "end"));
    return analysis.getId();
  }

  private void visitRecorded(String business, java.time.LocalDate visitDay, LocalDateTime recordedAt) {
    clock().setTo(recordedAt);
    ProcessInstance followUp = runtimeService.createProcessInstanceByKey("follow-up-visits").businessKey(business)
        .setVariables(caseVariables().putValue("followUpTrack", "plan").putValue("visitInterval", "P3M")
            .putValue("visitCount", 4).putValue("previousYearSales", 10_000L))
        .startBeforeActivity("RecordVisit").execute();
    String task = taskService.createTaskQuery().processInstanceId(followUp.getId()).taskDefinitionKey("RecordVisit")
        .list().get(0).getId();
    taskService.complete(task, putValue("visitDate", visitDay.toString()).putValue("salesToDate", 2_500L)
        .putValue("progress", "onTrack").putValue("issues", "特になし").putValue("nextActions", "計画どおり継続"));
  }

  private void analysisFedBack(String business, String feedbackDate, LocalDateTime recordedAt) {
    clock().setTo(recordedAt);
    ProcessInstance analysis = runtimeService.createProcessInstanceByKey("management-analysis").businessKey(business)
        .setVariables(caseVariables().putValue("entryRoute", "seminar"))
        .startBeforeActivity("FeedBackResults").execute();
    taskService.complete(taskOf(analysis), putValue("feedbackDate", feedbackDate).putValue("feedbackNotes", "結果を説明した")
        .putValue("analysisNextStep", "end"));
  }

  private void planFinalized(String business, String completedDate, LocalDateTime recordedAt) {
    clock().setTo(recordedAt);
    ProcessInstance plan = runtimeService.createProcessInstanceByKey("business-plan").businessKey(business)
        .setVariables(caseVariables().putValue("previousYearSales", 10_000L))
        .startBeforeActivity("FinalizeBusinessPlan").execute();
    taskService.complete(taskOf(plan),
        putValue("planCompletedDate", completedDate).putValue("planPeriodYears", 3L)
            .putValue("salesTargetYear1", 10_300L).putValue("salesTargetYear2", 10_600L)
            .putValue("salesTargetYear3", 10_900L)
            .putValue("salesTargetYear4", 10_900L).putValue("salesTargetYear5", 10_900L));
  }

  private void planFinalizedAt(String business, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    ProcessInstance plan = runtimeService.createProcessInstanceByKey("business-plan").businessKey(business)
        .setVariables(caseVariables().putValue("previousYearSales", 10_000L))
        .startBeforeActivity("FinalizeBusinessPlan").execute();
    // the plan then waits for its follow-up to be started by the job executor, which these tests leave off
    taskService.complete(taskOf(plan),
        putValue("planCompletedDate", japanTime.toLocalDate().toString()).putValue("planPeriodYears", 3L)
            .putValue("salesTargetYear1", 10_300L).putValue("salesTargetYear2", 10_600L)
            .putValue("salesTargetYear3", 10_900L)
            .putValue("salesTargetYear4", 10_900L).putValue("salesTargetYear5", 10_900L));
  }

  private void trackPlanFinalizedAt(String process, String finalizeTask, String business, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    ProcessInstance plan = runtimeService.createProcessInstanceByKey(process).businessKey(business)
        .setVariables(caseVariables()).startBeforeActivity(finalizeTask).execute();
    // the figures and days the finalize forms require (a startup's first-year target and founding day, a
    // succession's planned day), as the earlier steps would have recorded them
    taskService.complete(taskOf(plan), putValue("startupPlanCompletedDate", japanTime.toLocalDate().toString())
        .putValue("successionPlanCompletedDate", japanTime.toLocalDate().toString())
        .putValue("salesTargetYear1", 18_000L)
        .putValue("plannedFoundingDate", japanTime.toLocalDate().plusMonths(3).toString())
        .putValue("plannedSuccessionDate", japanTime.toLocalDate().plusYears(2).toString()));
  }

  private void followUp(String business, String track, int visits, LocalDateTime start, long previousSales,
      long sales) {
    clock().setTo(start);
    ProcessInstance followUp = runtimeService.createProcessInstanceByKey("follow-up-visits").businessKey(business)
        .setVariables(caseVariables().putValue("followUpTrack", track)
            .putValue("visitInterval", track.equals("startup") ? "P1M" : "P3M").putValue("visitCount", visits)
            .putValue("previousYearSales", previousSales))
        .execute();
    FollowUpYear.completeOnTrack(engine, followUp, sales);
  }

  private ProcessInstance surveyPublished(String survey, LocalDateTime japanTime, String publishedOn) {
    clock().setTo(japanTime);
    ProcessInstance instance = runtimeService.createProcessInstanceByKey("regional-survey").businessKey(business())
        .setVariables(putValue("survey", survey)).startBeforeActivity("PublishResults").execute();
    taskService.complete(taskOf(instance), putValue("publicationUrl", "https://www.rumoi-cci.example/survey")
        .putValue("publishedOn", publishedOn).putValue("postedToLine", true).putValue("postedToFacebook", false));
    return instance;
  }

  private void surveyAwaitingPublication(String survey, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    runtimeService.createProcessInstanceByKey("regional-survey").businessKey(business())
        .setVariables(putValue("survey", survey).putValue("publishedOn", japanTime.toLocalDate().toString()))
        .startBeforeActivity("PublishResults").execute();
  }

  private void seminarRecorded(String kind, String heldOn, int participants, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    runtimeService.createProcessInstanceByKey("seminar").businessKey(business())
        .setVariables(
            putValue("seminarKind", kind).putValue("heldOn", heldOn).putValue("participantCount", participants)
                .putValue("analysisWishes", 0).putValue("dxWishes", 0))
        .startBeforeActivity("AnyAnalysisWish").execute();
  }

  private void seminarPlanned(String kind, String heldOn, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    runtimeService.createProcessInstanceByKey("seminar").businessKey(business())
        .setVariables(putValue("seminarKind", kind).putValue("heldOn", heldOn))
        .startBeforeActivity("RecruitParticipants").execute();
  }

  private void fairSalesRecorded(String business, long sales, LocalDateTime japanTime) {
    fairSalesRecorded(business, sales, null, japanTime);
  }

  /** A fair's sales made on salesDay (the form's 販売した日; null leaves it empty), recorded at recordedAt. */
  private ProcessInstance fairSalesRecorded(String business, long sales, String salesDay, LocalDateTime recordedAt) {
    clock().setTo(recordedAt);
    ProcessInstance fair = runtimeService.createProcessInstanceByKey("trade-fair").businessKey(business)
        .setVariables(caseVariables().putValue("productName", "味付け数の子").putValue("resultsDueDate", new Date()))
        .startBeforeActivity("RecordFairSales")
        .execute();
    taskService.complete(taskOf(fair), putValue("fairSales", sales).putValue("fairSalesDate", salesDay));
    return fair;
  }

  /** A business meeting whose buyers were introduced on day (the form's 紹介日), recorded at recordedAt. */
  private void buyersIntroduced(String business, String day, LocalDateTime recordedAt) {
    clock().setTo(recordedAt);
    ProcessInstance meeting = runtimeService.createProcessInstanceByKey("business-meeting").businessKey(business)
        .setVariables(caseVariables().putValue("productName", "味付け数の子").putValue("resultsDueDate", new Date())
            .putValue("fairLastDay", new Date()))
        .startBeforeActivity("IntroduceBuyers").execute();
    taskService.complete(taskOf(meeting), putValue("buyersIntroduced", 2L).putValue("buyersIntroducedDate", day));
  }

  private void demandSurveyFedBack(String business, String kind, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    ProcessInstance survey = runtimeService.createProcessInstanceByKey("demand-survey").businessKey(business)
        .setVariables(caseVariables().putValue("productName", "味付け数の子").putValue("surveyKind", kind)
            .putValue("surveyDueDate", null))
        .startBeforeActivity("FeedBackSurveyResults").execute();
    taskService.complete(taskOf(survey), putValue("surveyFeedbackDate", japanTime.toLocalDate().toString())
        .putValue("brushUpPoints", "小分けパックを検討"));
  }

  /** A business meeting whose leads (one per outcome) are followed up once, on contactDay, recorded at followedUpAt. */
  private void meetingWithLeads(String business, LocalDateTime meetingDay, LocalDateTime followedUpAt,
      String contactDay,
      String... outcomes) {
    clock().setTo(meetingDay);
    ProcessInstance meeting = runtimeService.createProcessInstanceByKey("business-meeting").businessKey(business)
        .setVariables(caseVariables().putValue("productName", "味付け数の子").putValue("resultsDueDate", new Date())
            .putValue("fairLastDay", new Date()))
        .startBeforeActivity("IntroduceBuyers").execute();
    taskService.complete(taskOf(meeting), putValue("buyersIntroduced", 2L));
    StringBuilder leads = new StringBuilder("[");
    for (int i = 0; i < outcomes.length; i++) {
      leads.append(i == 0 ? "" : ",").append("{\"company\":\"留萌テスト商社").append(i + 1).append("\"}");
    }
    taskService.complete(taskOf(meeting),
        putValue("leads", SpinValues.jsonValue(leads.append("]").toString()).create()));
    clock().setTo(followedUpAt);
    List<org.camunda.bpm.engine.task.Task> leadTasks = taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("FollowUpLead").list();
    assertThat(leadTasks).hasSize(outcomes.length);
    for (int i = 0; i < outcomes.length; i++) {
      taskService.complete(leadTasks.get(i).getId(),
          putValue("leadContactDate", contactDay).putValue("leadNotes", "サンプルを送付")
              .putValue("leadStatus", outcomes[i]).putValue("dealDetails", "月200パック").putValue("leadNextStep", "再商談"));
    }
  }

  private void dxSupported(String business, boolean website, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    ProcessInstance dx = runtimeService.createProcessInstanceByKey("dx-follow-up").businessKey(business)
        .setVariables(caseVariables().putValue("previousYearSales", 10_000L)).startBeforeActivity("SupportDx")
        .execute();
    taskService.complete(taskOf(dx), putValue("dxSupportDate", japanTime.toLocalDate().toString())
        .putValue("dxWebsite", website));
  }

  private void dxSalesTargetMet(String business, LocalDateTime japanTime) {
    clock().setTo(japanTime);
    runtimeService.createProcessInstanceByKey("dx-follow-up").businessKey(business)
        .setVariables(caseVariables().putValue("salesGrowthTargetMet", true)).startBeforeActivity("DxSalesTargetMet")
        .execute();
  }

  private String taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private static VariableMap caseVariables() {
    return putValue("advisor", "sato").putValue("businessName", "留萌KPIテスト商店").putValue("industry", "小売業")
        .putValue("employees", 3L);
  }

  private EngineClock clock() {
    return new EngineClock(managementService);
  }

  private String business() {
    return TestBusinesses.register(registry, "sato");
  }

  private static KpiReport.Row row(KpiReport report, String id) {
    return report.rows().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
  }

  private static void assertRow(KpiReport report, String id, long year, long aprilToSeptember, long octoberToMarch) {
    assertRow(report, id, String.valueOf(year), String.valueOf(aprilToSeptember), String.valueOf(octoberToMarch));
  }

  private static void assertRow(KpiReport report, String id, String year, String aprilToSeptember,
      String octoberToMarch) {
    KpiReport.Row row = row(report, id);
    assertThat(List.of(row.actual(), row.aprilToSeptember(), row.octoberToMarch()))
        .as("%s: year, April–September, October–March", id)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal(year), new BigDecimal(aprilToSeptember), new BigDecimal(octoberToMarch));
  }
}
