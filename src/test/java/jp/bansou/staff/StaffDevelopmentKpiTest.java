package jp.bansou.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.math.BigDecimal;
import java.util.List;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.kpi.KpiReport;
import jp.bansou.kpi.KpiReports;
import jp.bansou.security.StaffDirectory;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FreshFiscalYear;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The §10 rows of the KPI report from a simulated year of trainings, transfer trainings and staff meetings. */
@EngineTest
class StaffDevelopmentKpiTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  RepositoryService repository;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  KpiReports reports;
  @Autowired
  StaffDirectory staff;
  @Autowired
  JdbcTemplate jdbc;

  private void correct(String caseId, String variable, String value) {
    identity.setAuthentication("takahashi", List.of("managers"));
    try {
      runtime.startProcessInstanceByKey(RecordCorrections.PROCESS, putValue(RecordCorrections.CORRECTED_CASE, caseId)
          .putValue(variable, value).putValue("correctionReason", "日付の入力誤り"));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance training(String user, String group, String date) {
    return ExternalTrainingTest.recordTraining(repository, identity, forms, user, group,
        ExternalTrainingTest.accompanyingSupportSeminar(date));
  }

  private ProcessInstance meeting(String date) {
    ProcessInstance meeting = runtime.createProcessInstanceByKey("staff-meeting")
        .startBeforeActivity("RecordStaffMeeting").execute();
    tasks.complete(task(meeting).getId(), putValue("meetingDate", date).putValue("meetingAttendees", "sato, suzuki")
        .putValue("meetingNotes", "支援先の状況を共有"));
    return meeting;
  }

  private static KpiReport.Row row(KpiReport report, String id) {
    return report.rows().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void twoOfTheThreeStaffTrainedOneTransferOfTwoTrainingsAndThreeMeetingsAreTheYearsSectionTenFigures() {
    assertThat(staff.caseWorkers()).as("the demo staff: two advisors and an assistant")
        .containsExactlyInAnyOrder("sato", "ito", "suzuki");
    FiscalYear year = FreshFiscalYear.after(jdbc);
    EngineClock clock = new EngineClock(management);
    clock.setTo(year.firstDay().plusMonths(2).plusDays(10).atTime(10, 0)); // June
    ProcessInstance june = training("sato", "advisors", year.firstDay().plusMonths(2).toString());
    meeting(year.firstDay().plusMonths(2).plusDays(4).toString());
    clock.setTo(year.firstDay().plusMonths(7).plusDays(25).atTime(10, 0)); // November
    training("suzuki", "assistants", year.firstDay().plusMonths(7).toString());
    tasks.complete(task(june).getId(), putValue("transferDate", year.firstDay().plusMonths(3).toString())
        .putValue("transferAttendees", "ito, suzuki").putValue("transferMaterial", "伴走支援の進め方"));
    meeting(year.firstDay().plusMonths(7).plusDays(4).toString());
    meeting(year.firstDay().plusMonths(7).plusDays(19).toString());
    clock.setTo(year.lastDay().plusDays(1).atTime(10, 0));
    training("ito", "advisors", year.lastDay().plusDays(1).toString()); // next year's

    KpiReport report = reports.report(year);
    KpiReport.Row trained = row(report, "staff-external-training-share");
    assertThat(trained.unit()).isEqualTo("%");
    assertThat(trained.actual()).isEqualByComparingTo("66.7");
    assertThat(trained.aprilToSeptember()).isEqualByComparingTo("33.3");
    assertThat(trained.octoberToMarch()).isEqualByComparingTo("33.3");
    // the fresh year may lie beyond the plan (R11) when other tests' history went far ahead: targets from the file
    assertThat(reports.targets().row("staff-external-training-share").orElseThrow().targetIn(FiscalYear.reiwa(8)))
        .hasValueSatisfying(target -> assertThat(target).isEqualByComparingTo("100"));
    KpiReport.Row transfers = row(report, "transfer-training-share");
    assertThat(transfers.actual()).as("the June training's transfer is held, November's is still open")
        .isEqualByComparingTo("50");
    assertThat(transfers.aprilToSeptember()).isEqualByComparingTo("100");
    assertThat(transfers.octoberToMarch()).isEqualByComparingTo("0");
    KpiReport.Row meetings = row(report, "staff-meetings");
    assertThat(meetings.actual()).isEqualByComparingTo("3");
    assertThat(meetings.aprilToSeptember()).isEqualByComparingTo("1");
    assertThat(reports.targets().row("staff-meetings").orElseThrow().targetIn(FiscalYear.reiwa(8)))
        .hasValueSatisfying(target -> assertThat(target).isEqualByComparingTo("24"));
    assertThat(row(reports.report(year.next()), "staff-external-training-share").actual())
        .isEqualByComparingTo(new BigDecimal("33.3"));
  }

  @Test
  void aTrainingAndAMeetingWhoseDatesAManagerCorrectedIntoTheNextYearCountThereNotWhereTheyWereRecorded() {
    FiscalYear year = FreshFiscalYear.after(jdbc);
    String lastDay = year.lastDay().toString(); // 2026-03-31 for R7
    String firstDayOfNext = year.next().firstDay().toString(); // 2026-04-01, R8
    new EngineClock(management).setTo(year.next().firstDay().plusDays(1).atTime(10, 0));
    ProcessInstance training = training("ito", "advisors", lastDay);
    ProcessInstance meeting = meeting(lastDay);
    assertThat(row(reports.report(year), "staff-external-training-share").actual()).as("as recorded, in the old year")
        .isEqualByComparingTo("33.3");
    assertThat(row(reports.report(year), "staff-meetings").actual()).isEqualByComparingTo("1");

    correct(training.getId(), "trainingDate", firstDayOfNext);
    correct(meeting.getId(), "meetingDate", firstDayOfNext);

    KpiReport old = reports.report(year);
    assertThat(row(old, "staff-external-training-share").actual()).isEqualByComparingTo("0");
    assertThat(row(old, "transfer-training-share").actual()).as("no training left to divide by").isNull();
    assertThat(row(old, "staff-meetings").actual()).isEqualByComparingTo("0");
    KpiReport next = reports.report(year.next());
    assertThat(row(next, "staff-external-training-share").actual()).isEqualByComparingTo("33.3");
    assertThat(row(next, "staff-external-training-share").aprilToSeptember()).isEqualByComparingTo("33.3");
    assertThat(row(next, "transfer-training-share").actual()).as("its transfer training is still open")
        .isEqualByComparingTo("0");
    assertThat(row(next, "staff-meetings").actual()).isEqualByComparingTo("1");
  }
}
