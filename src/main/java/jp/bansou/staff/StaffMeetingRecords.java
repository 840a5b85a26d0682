package jp.bansou.staff;

import jp.bansou.security.StaffDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/** The staff meetings that discussed a business (its case file links them), newest first. */
@Service
public class StaffMeetingRecords {

  public record Meeting(String id, String meetingDate, String attendees, String discussedBusinesses, String notes) {}

  private final HistoryService history;

  StaffMeetingRecords(HistoryService history) {
    this.history = history;
  }

  public List<Meeting> discussing(String businessId) {
    // a few dozen meetings a year: read the discussed lists and keep the meetings that name the business
    List<String> ids = history.createHistoricVariableInstanceQuery().processDefinitionKey(StaffMeetingTimer.PROCESS)
        .variableName("discussedBusinesses").list().stream()
        .filter(variable -> StaffDirectory.ids(variable.getValue()).contains(businessId))
        .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids.toArray(String[]::new)).list()) {
      variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(),
          variable.getValue());
    }
    List<Meeting> meetings = new ArrayList<>();
    for (String id : ids) {
      Map<String, Object> v = variables.get(id);
      meetings.add(new Meeting(id, (String) v.get("meetingDate"), (String) v.get("meetingAttendees"),
          (String) v.get("discussedBusinesses"), (String) v.get("meetingNotes")));
    }
    meetings.sort(Comparator.comparing(Meeting::meetingDate, Comparator.nullsLast(Comparator.reverseOrder())));
    return meetings;
  }
}
