package jp.bansou.correction;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The corrections of §10 records, as the engine's history keeps them: each correction is a case of its own
 * ({@code record-correction}, started by the manager who corrected), whose variables are the corrected values
 * under the record's own names. A finished case's variables cannot be changed through the engine's public API,
 * and a record changed in place would lose what it said before; so the record stays as it was recorded, and its
 * readers (timeline, tally, history) lay the corrections over it, oldest first (ADR 0100).
 */
@Service
public class RecordCorrections {

  public static final String PROCESS = "record-correction";
  public static final String CORRECTED_CASE = "correctedCase";
  static final String REASON = "correctionReason";
  static final String FIELDS = "correctedFields";
  private static final int BATCH = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

  private final HistoryService history;
  private final StaffDirectory staff;
  private final Map<String, CorrectableRecord> kinds;

  RecordCorrections(HistoryService history, StaffDirectory staff, List<CorrectableRecord> kinds) {
    this.history = history;
    this.staff = staff;
    this.kinds = kinds.stream().collect(Collectors.toMap(CorrectableRecord::processKey, Function.identity()));
  }

  public Optional<CorrectableRecord> kindOf(String processKey) {
    return Optional.ofNullable(kinds.get(processKey));
  }

  /**
   * Lays the corrections over the records' variables (case id → variables, changed in place) and returns each
   * case's corrections, oldest first, with the value each change replaced.
   */
  public Map<String, List<Correction>> apply(Map<String, Map<String, Object>> recordsByCase) {
    Map<String, List<Correction>> corrections = read(recordsByCase.keySet());
    corrections.forEach((caseId, list) -> {
      Map<String, Object> record = recordsByCase.get(caseId);
      List<Correction> withBefore = new ArrayList<>();
      for (Correction correction : list) {
        List<Correction.Change> changes = new ArrayList<>();
        for (Correction.Change change : correction.changes()) {
          changes.add(new Correction.Change(change.variable(), record.get(change.variable()), change.after()));
          record.put(change.variable(), change.after());
        }
        withBefore.add(new Correction(correction.id(), caseId, correction.time(), correction.by(),
            correction.reason(), changes));
      }
      list.clear();
      list.addAll(withBefore);
    });
    return corrections;
  }

  /** The record's variables as recorded, with its corrections laid over them. */
  public Map<String, Object> current(String caseId) {
    Map<String, Object> record = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(caseId).disableCustomObjectDeserialization()
        .list().forEach(variable -> record.putIfAbsent(variable.getName(), variable.getValue()));
    apply(Map.of(caseId, record));
    return record;
  }

  /**
   * Whether the user may correct the record (as corrected so far): managers every record, advisors and assistants
   * their own, auditors and everyone else none. The start check and the pages that show a correction button ask
   * the same question.
   */
  public boolean mayCorrect(String userId, String processKey, Map<String, Object> record) {
    CorrectableRecord kind = kinds.get(processKey);
    return kind != null && userId != null
        && (staff.isManager(userId) || staff.isStaff(userId) && kind.owners(record).contains(userId));
  }

  /** Whether the user is one whose own record it is (the attendee of a training, an attendee of a meeting). */
  public boolean isOwnedBy(String userId, String processKey, Map<String, Object> record) {
    CorrectableRecord kind = kinds.get(processKey);
    return kind != null && userId != null && kind.owners(record).contains(userId);
  }

  /**
   * The records of these cases as corrected, read in batches: their variables (changed in place by the corrections)
   * and their corrections, oldest first.
   */
  public Corrected currentOf(List<String> caseIds) {
    Map<String, Map<String, Object>> records = new HashMap<>();
    for (int from = 0; from < caseIds.size(); from += BATCH) {
      String[] batch = caseIds.subList(from, Math.min(from + BATCH, caseIds.size())).toArray(String[]::new);
      history.createHistoricVariableInstanceQuery().processInstanceIdIn(batch).disableCustomObjectDeserialization()
          .list().forEach(v -> records.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
              .putIfAbsent(v.getName(), v.getValue()));
    }
    return new Corrected(records, apply(records));
  }

  /** Records as corrected (case id → variables) with their corrections (case id → corrections, oldest first). */
  public record Corrected(Map<String, Map<String, Object>> records, Map<String, List<Correction>> corrections) {}

  /** A record as a list shows it to this reader, with its correctable fields and whether the reader may correct. */
  public RecordView view(String processKey, String caseId, String heading, Map<String, Object> record,
      List<Correction> corrected, String reader) {
    CorrectableRecord kind = kinds.get(processKey);
    List<RecordView.Field> fields = new ArrayList<>();
    kind.fields().forEach((name, label) -> {
      Object value = record.get(name);
      String formValue = value == null ? null : value instanceof Date date
          ? date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString() : value.toString();
      fields.add(new RecordView.Field(name, label, formValue, kind.text(name, value), kind.choices(name)));
    });
    return new RecordView(caseId, heading, fields,
        corrected.stream().map(correction -> describe(processKey, correction)).toList(),
        mayCorrect(reader, processKey, record));
  }

  /** Cases of which a correction set the variable to the value (a contact moved into another fiscal year). */
  public Set<String> correctedTo(String variable, Object value) {
    Set<String> corrections = history.createHistoricVariableInstanceQuery().processDefinitionKey(PROCESS)
        .variableValueEquals(variable, value).list().stream().map(HistoricVariableInstance::getProcessInstanceId)
        .collect(Collectors.toSet());
    if (corrections.isEmpty()) {
      return Set.of();
    }
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(corrections.toArray(String[]::new))
        .variableName(CORRECTED_CASE).list().stream().map(v -> String.valueOf(v.getValue()))
        .collect(Collectors.toSet());
  }

  /**
   * A correction as staff read it beside the record: 「2026/12/02 10:15 高橋 誠が訂正: 相談の方法 窓口 → 電話
   * （理由: 入力の誤り）」.
   */
  public String describe(String processKey, Correction correction) {
    CorrectableRecord kind = kinds.get(processKey);
    String changes = correction.changes().stream()
        .filter(change -> kind == null || kind.fields().containsKey(change.variable()))
        .map(change -> (kind == null ? change.variable() : kind.fields().get(change.variable())) + " "
            + text(kind, change.variable(), change.before()) + " → " + text(kind, change.variable(), change.after()))
        .collect(Collectors.joining("、"));
    return TIME.format(correction.time().toInstant().atZone(ZoneId.systemDefault())) + " "
        + staff.nameOf(correction.by()) + "が訂正: " + changes
        + (correction.reason() == null ? "" : "（理由: " + correction.reason() + "）");
  }

  private static String text(CorrectableRecord kind, String variable, Object value) {
    return kind == null ? String.valueOf(value) : kind.text(variable, value);
  }

  /** The corrections of these cases, oldest first, without the values they replaced. */
  private Map<String, List<Correction>> read(Collection<String> caseIds) {
    Set<String> wanted = new HashSet<>(caseIds);
    // corrections are few (a handful a year): read them all and keep those of the wanted records
    Map<String, String> correctedCaseOf = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(PROCESS).variableName(CORRECTED_CASE).list()) {
      if (wanted.contains(String.valueOf(variable.getValue()))) {
        correctedCaseOf.put(variable.getProcessInstanceId(), String.valueOf(variable.getValue()));
      }
    }
    Map<String, List<Correction>> byCase = new HashMap<>();
    if (correctedCaseOf.isEmpty()) {
      return byCase;
    }
    List<String> ids = List.copyOf(correctedCaseOf.keySet());
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Map<String, HistoricProcessInstance> instances = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      String[] batch = ids.subList(from, Math.min(from + BATCH, ids.size())).toArray(String[]::new);
      history.createHistoricVariableInstanceQuery().processInstanceIdIn(batch).disableCustomObjectDeserialization()
          .list().forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
              .put(v.getName(), v.getValue()));
      history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(batch)).list()
          .forEach(instance -> instances.put(instance.getId(), instance));
    }
    for (String id : ids) {
      HistoricProcessInstance instance = instances.get(id);
      if (instance == null || !HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
        continue; // refused or withdrawn: not a correction
      }
      Map<String, Object> values = variables.getOrDefault(id, Map.of());
      List<Correction.Change> changes = new ArrayList<>();
      for (String name : String.valueOf(values.getOrDefault(FIELDS, "")).split(",")) {
        if (!name.isBlank()) {
          changes.add(new Correction.Change(name.strip(), null, values.get(name.strip())));
        }
      }
      byCase.computeIfAbsent(correctedCaseOf.get(id), key -> new ArrayList<>()).add(new Correction(id,
          correctedCaseOf.get(id), instance.getStartTime(), instance.getStartUserId(),
          Objects.toString(values.get(REASON), null), changes));
    }
    byCase.values().forEach(list -> list.sort(Comparator.comparing(Correction::time)));
    return byCase;
  }
}
