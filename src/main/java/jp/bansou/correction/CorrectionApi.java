package jp.bansou.correction;

import java.util.Map;
import jp.bansou.security.StaffGroup;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Correcting a §10 record from the case file: starts the {@code record-correction} case as the signed-in staff
 * member, so the engine records who corrected and when, and the model's check decides what may be corrected.
 * Body: the corrected fields under the record's names ({@code channel}, {@code contactDate} …) and
 * {@code correctionReason}.
 */
@RestController
class CorrectionApi {

  private static final Logger LOG = LoggerFactory.getLogger(CorrectionApi.class);

  private final RuntimeService runtime;
  private final IdentityService identity;
  CorrectionApi(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @PostMapping("/api/records/{caseId}/corrections")
  ResponseEntity<Map<String, Object>> correct(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String caseId, @RequestBody Map<String, Object> body) {
    if (!staff.isIn(StaffGroup.ADVISORS, StaffGroup.ASSISTANTS, StaffGroup.MANAGERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "記録を訂正できるのは管理者と、自分の記録を訂正する経営指導員・補助員です");
    }
    VariableMap variables = Variables.createVariables().putValue(RecordCorrections.CORRECTED_CASE, caseId);
    body.forEach((name, value) -> {
      // nothing but fields and the reason: who corrected is the signed-in user, never a value in the body
      if (!RecordCorrections.CORRECTED_CASE.equals(name) && !RecordCorrections.FIELDS.equals(name)
          && !"correctedBy".equals(name) && !"correctedRecord".equals(name)) {
        variables.putValue(name, value);
      }
    });
    identity.setAuthentication(staff.userId(), staff.groupIds());
    ProcessInstance correction;
    try {
      correction = runtime.startProcessInstanceByKey(RecordCorrections.PROCESS, variables);
    } finally {
      identity.clearAuthentication();
    }
    return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("id", correction.getId(), "correctedCase", caseId));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return message(refused.getStatusCode().value(), refused.getReason());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> notAllowed(AuthorizationException refused) {
    LOG.warn("correction refused: {}", refused.getMessage());
    return message(403, refused instanceof CorrectionRefused ? refused.getMessage()
        : "記録を訂正する権限がありません。管理者に確認してください");
  }

  /** The model's checks say what is wrong in Japanese; nothing was corrected. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> badInput(ProcessEngineException refused) {
    LOG.warn("correction refused: {}", refused.getMessage());
    return message(400, refused.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> message(int status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }
}
