package jp.bansou.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.correction.Correction;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The staff meetings that discussed a business (its case file links them), newest first, as corrected: a
 * manager's correction of the businesses discussed moves the meeting to the right case files.
 */
@Service
public class StaffMeetingRecords {

  /** @param corrections what was corrected, oldest first, as staff read it */
                                                                              /** @param attendeeNames who attended, by name as staff know each other (佐藤 一郎、鈴木 美咲) */
  public record Meeting(String id, String meetingDate, String attendees, String attendeeNames,
      String discussedBusinesses, String notes,
      List<String> corrections) {}

  private final HistoryService history;
  private final RecordCorrections corrections;

  private final StaffDirectory staff;

  StaffMeetingRecords(HistoryService history, RecordCorrections corrections, StaffDirectory staff) {
    this.history = history;
    this.corrections = corrections;
    this.staff = staff;
  }

  public List<Meeting> discussing(String businessId) {
    // a few dozen meetings a year: read every recorded meeting, lay the corrections over it, keep those naming
    // the business
    List<String> ids = history.createHistoricVariableInstanceQuery().processDefinitionKey(StaffMeetingTimer.PROCESS)
        .variableName("discussedBusinesses").list().stream().map(HistoricVariableInstance::getProcessInstanceId)
        .distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids.toArray(String[]::new)).list()) {
      variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(),
          variable.getValue());
    }
    Map<String, List<Correction>> corrected = corrections.apply(variables);
    List<Meeting> meetings = new ArrayList<>();
    for (String id : ids) {
      Map<String, Object> v = variables.get(id);
      if (!StaffDirectory.ids(v.get("discussedBusinesses")).contains(businessId)) {
        continue;
      }
      meetings.add(new Meeting(id, (String) v.get("meetingDate"), (String) v.get("meetingAttendees"),
          staff.namesOf(v.get("meetingAttendees")),
          (String) v.get("discussedBusinesses"), (String) v.get("meetingNotes"),
          corrected.getOrDefault(id, List.of()).stream()
              .map(correction -> corrections.describe(StaffMeetingTimer.PROCESS, correction)).toList()));
    }
    meetings.sort(Comparator.comparing(Meeting::meetingDate, Comparator.nullsLast(Comparator.reverseOrder())));
    return meetings;
  }
}
