package jp.bansou.consultation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.correction.Correction;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.input.RecordInput;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The contacts as the engine's history keeps them (one {@code consultation} case each): a business's
 * timeline, newest first, and the year's tally per staff member and channel. A record cancelled by a
 * manager (deleted in Cockpit as a mistake) is neither shown nor counted.
 */
@Service
public class ContactRecords {

  static final String PROCESS = "consultation";
  private static final int BATCH = 500;

  private final HistoryService history;
  private final StaffDirectory staff;
  private final RecordCorrections corrections;

  ContactRecords(HistoryService history, StaffDirectory staff, RecordCorrections corrections) {
    this.history = history;
    this.staff = staff;
    this.corrections = corrections;
  }

  public List<Contact> timeline(String businessId) {
    return timeline(businessId, null);
  }

  /** The timeline as the reader sees it: which contacts the reader may correct. */
  public List<Contact> timeline(String businessId, String reader) {
    List<HistoricProcessInstance> cases = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS).processInstanceBusinessKey(businessId).list().stream()
        .filter(ContactRecords::stands).toList();
    Map<String, Map<String, Object>> variables = variables(cases.stream().map(HistoricProcessInstance::getId).toList());
    // a manager's corrections laid over the record as recorded, each shown beside it
    Map<String, List<Correction>> corrected = corrections.apply(variables);
    List<Contact> contacts = new ArrayList<>();
    for (HistoricProcessInstance instance : cases) {
      Map<String, Object> record = variables.getOrDefault(instance.getId(), Map.of());
      contacts.add(contact(instance, record, corrected.getOrDefault(instance.getId(), List.of()).stream()
          .map(correction -> corrections.describe(PROCESS, correction)).toList(),
          corrections.mayCorrect(reader, PROCESS, record)));
    }
    contacts.sort(Comparator.comparing(Contact::contactDate, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(Contact::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return contacts;
  }

  public ContactTally tally(FiscalYear year) {
    Set<String> found = new HashSet<>(corrections.correctedTo("contactFiscalYear", year.label()));
    history.createHistoricVariableInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals("contactFiscalYear", year.label()).list()
        .forEach(variable -> found.add(variable.getProcessInstanceId()));
    List<String> ids = List.copyOf(found);
    Map<String, Map<String, Object>> variables = variables(ids);
    // counted as corrected: a contact whose date a manager moved counts in its corrected year and channel
    corrections.apply(variables);
    Map<String, long[]> counts = new TreeMap<>();
    for (String id : ids) {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
          .singleResult();
      Map<String, Object> v = variables.getOrDefault(id, Map.of());
      Channel channel = Channel.of(v.get("channel")).orElse(null);
      if (instance == null || !stands(instance) || channel == null
          || !year.label().equals(v.get("contactFiscalYear"))) {
        continue;
      }
      counts.computeIfAbsent((String) v.get("contactStaff"), s -> new long[Channel.values().length])[channel
          .ordinal()]++;
    }
    List<ContactTally.Row> rows = counts.entrySet().stream()
        .map(entry -> ContactTally.Row.of(entry.getKey(), staff.nameOf(entry.getKey()), entry.getValue()))
        .toList();
    return ContactTally.of(year, rows);
  }

  /** Not cancelled: a record deleted as a mistake no longer stands. */
  private static boolean stands(HistoricProcessInstance instance) {
    return !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
        && !HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState());
  }

  private Contact contact(HistoricProcessInstance instance, Map<String, Object> v, List<String> corrections,
      boolean correctable) {
    Channel channel = Channel.of(v.get("channel")).orElse(null);
    String contactStaff = text(v.get("contactStaff"));
    String accompanying = text(v.get("accompanyingStaff"));
    boolean hasNextAction = Boolean.TRUE.equals(v.get("hasNextAction"));
    String nextActionState = !hasNextAction ? "none" : v.get("nextActionDoneDate") != null ? "done" : "open";
    return new Contact(instance.getId(), instance.getBusinessKey(), text(v.get("businessName")),
        isoDate(v.get("contactDate")), channel == null ? null : channel.code(),
        channel == null ? null : channel.label(),
        contactStaff, staff.nameOf(contactStaff), accompanying,
        accompanying == null ? null : staff.nameOf(accompanying),
        text(v.get("topics")), text(v.get("heard")), text(v.get("nextAction")),
        hasNextAction ? isoDate(v.get("nextActionDueDate")) : null, nextActionState,
        isoDate(v.get("nextActionDoneDate")), text(v.get("nextActionResult")),
        text(v.get("followingTrackName")), text(v.get("followingTrackCase")), text(v.get("recordedBy")),
        instance.getStartTime() == null ? null : instance.getStartTime().toInstant().toString(), corrections,
        correctable);
  }

  private Map<String, Map<String, Object>> variables(List<String> processInstanceIds) {
    Map<String, Map<String, Object>> byCase = new HashMap<>();
    for (int from = 0; from < processInstanceIds.size(); from += BATCH) {
      List<String> batch = processInstanceIds.subList(from, Math.min(from + BATCH, processInstanceIds.size()));
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(batch.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        byCase.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(),
            variable.getValue());
      }
    }
    return byCase;
  }

  private static String text(Object value) {
    return RecordInput.isBlank(value) ? null : value.toString();
  }

  private static String isoDate(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
    return value == null ? null : String.valueOf(RecordInput.date(value));
  }
}
