package jp.bansou.staff;

import static jp.bansou.input.RecordInput.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.correction.RecordView;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * A fiscal year's external trainings (with their transfer trainings) and staff meetings as corrected, newest first,
 * for the managers' page at /trainings/: a record counts in the year of its corrected date, as in the KPI report.
 * Who reads all of them and who only their own is the caller's to say.
 */
@Service
class StaffRecords {

  /** The year's records as one reader sees them. */
  record YearRecords(String fiscalYear, String fiscalYearName, List<RecordView> trainings, List<RecordView> meetings) {}

  private final HistoryService history;
  private final RecordCorrections corrections;
  private final StaffDirectory staff;

  StaffRecords(HistoryService history, RecordCorrections corrections, StaffDirectory staff) {
    this.history = history;
    this.corrections = corrections;
    this.staff = staff;
  }

  /** @param all whether the reader sees every staff member's records (managers, auditors), else only their own */
  YearRecords of(FiscalYear year, String reader, boolean all) {
    return new YearRecords(year.label(), year.displayName(),
        read(TrainingCorrection.PROCESS, "trainingDate", year, reader, all, (v, day) -> slash(day) + "　"
            + staff.nameOf(Objects.toString(v.get("attendee"), null)) + "　"
            + Objects.toString(v.get("trainingTitle"), "")),
        read(StaffMeetingTimer.PROCESS, "meetingDate", year, reader, all, (v, day) -> slash(day) + "　職員間ミーティング"));
  }

  private List<RecordView> read(String process, String dateVariable, FiscalYear year, String reader, boolean all,
      java.util.function.BiFunction<Map<String, Object>, LocalDate, String> heading) {
    // records are few (dozens a year): read every standing case of the kind and keep the year's as corrected
    List<String> ids = history.createHistoricProcessInstanceQuery().processDefinitionKey(process).list().stream()
        .filter(instance -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
            && !HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState()))
        .map(HistoricProcessInstance::getId).toList();
    RecordCorrections.Corrected corrected = corrections.currentOf(ids);
    List<Dated> views = new ArrayList<>();
    corrected.records().forEach((id, record) -> {
      LocalDate day = date(record.get(dateVariable));
      if (day == null || !year.contains(day)
          || !all && !corrections.isOwnedBy(reader, process, record)) {
        return; // a meeting not yet recorded, another year's record, a colleague's record
      }
      views.add(new Dated(day, corrections.view(process, id, heading.apply(record, day), record,
          corrected.corrections().getOrDefault(id, List.of()), reader)));
    });
    views.sort(Comparator.comparing(Dated::day).reversed());
    return views.stream().map(Dated::view).toList();
  }

  private static String slash(LocalDate day) {
    return day.toString().replace('-', '/');
  }

  private record Dated(LocalDate day, RecordView view) {}
}
