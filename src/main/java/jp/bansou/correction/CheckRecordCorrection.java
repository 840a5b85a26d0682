package jp.bansou.correction;

import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.bansou.security.StaffDirectory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a correction as it is started, at every door (the case file's button, {@code /api}, the engine's
 * REST API): the corrected case must be a §10 record; managers correct every record, advisors and assistants
 * only their own, auditors none; the corrected record must pass the rules it was recorded with; a reason is
 * required. Only what changed stays on the correction, with the list of changed variables, so the history
 * shows exactly what was corrected.
 */
@Component
public class CheckRecordCorrection implements ExecutionListener {

  private final HistoryService history;
  private final RecordCorrections corrections;
  private final StaffDirectory staff;

  CheckRecordCorrection(HistoryService history, RecordCorrections corrections, StaffDirectory staff) {
    this.history = history;
    this.corrections = corrections;
    this.staff = staff;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = signedIn == null ? null : signedIn.getUserId();
    if (by == null || !(staff.isStaff(by) || staff.isManager(by))) {
      throw new CorrectionRefused("記録を訂正できるのは管理者と、自分の記録を訂正する経営指導員・補助員です。");
    }
    Object caseId = execution.getVariable(RecordCorrections.CORRECTED_CASE);
    HistoricProcessInstance recordCase = caseId == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(caseId.toString()).singleResult();
    CorrectableRecord kind = recordCase == null ? null
        : corrections.kindOf(recordCase.getProcessDefinitionKey()).orElse(null);
    if (kind == null) {
      throw new BadUserRequestException("訂正できるのは相談・訪問、外部研修・伝達研修、職員間ミーティングの記録です。");
    }
    Map<String, Object> current = corrections.current(recordCase.getId());
    if (!corrections.mayCorrect(by, kind.processKey(), current)) {
      throw new CorrectionRefused("ほかの職員の記録は訂正できません。訂正は管理者に依頼してください。");
    }
    Map<String, Object> corrected = new HashMap<>(current);
    for (String field : kind.fields().keySet()) {
      if (execution.hasVariable(field)) {
        Object value = execution.getVariable(field);
        corrected.put(field, value instanceof String text && text.isBlank() ? null : value);
      }
    }
    List<String> problems = new ArrayList<>(kind.check(corrected));
    if (isBlank(execution.getVariable(RecordCorrections.REASON))) {
      problems.add("訂正の理由を入力してください");
    }
    refuseIfAny(problems);
    List<String> changed = new ArrayList<>();
    List<String> names = new ArrayList<>(kind.fields().keySet());
    names.addAll(kind.derived());
    for (String name : names) {
      if (Objects.equals(current.get(name), corrected.get(name))) {
        if (execution.hasVariable(name)) {
          execution.removeVariable(name);
        }
      } else {
        execution.setVariable(name, corrected.get(name));
        changed.add(name);
      }
    }
    if (changed.stream().noneMatch(kind.fields()::containsKey)) {
      refuseIfAny(List.of("訂正する項目がありません。元の記録と同じです"));
    }
    execution.setVariable(RecordCorrections.CORRECTED_CASE, recordCase.getId());
    execution.setVariable(RecordCorrections.FIELDS, String.join(",", changed));
    execution.setVariable("correctedRecord", recordCase.getProcessDefinitionKey());
    if (execution.getProcessBusinessKey() == null && recordCase.getBusinessKey() != null) {
      execution.setProcessBusinessKey(recordCase.getBusinessKey());
    }
  }
}
