package jp.bansou.consultation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.CaseSharing;
import jp.bansou.security.StaffGroup;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Contacts over REST: recording one from the case file (the same {@code consultation} case Tasklist's start
 * form starts, as the signed-in staff member, so the engine's grants and the model's checks apply), a
 * business's timeline for whom the sharing rule lets read it, and the year's tally for managers and auditors.
 */
@RestController
class ContactApi {

  private static final Logger LOG = LoggerFactory.getLogger(ContactApi.class);

  /** What the case file's form may set: nothing else reaches the case (not who recorded it, not the key). */
  private static final Set<String> FIELDS = Set.of("contactDate", "channel", "contactStaff", "accompanyingStaff",
      "heard", "nextAction", "nextActionDue", "followingTrack", "topicGeneral", "topicFinance", "topicTax",
      "topicLabour", "topicSubsidy", "topicStartup", "topicSuccession", "topicSalesChannels", "topicDx", "topicOther");

  private final BusinessRegistry registry;
  private final CaseSharing sharing;
  private final ContactRecords records;
  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;

  ContactApi(BusinessRegistry registry, CaseSharing sharing, ContactRecords records, FormService forms,
      RepositoryService repository, IdentityService identity) {
    this.registry = registry;
    this.sharing = sharing;
    this.records = records;
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  @GetMapping("/api/businesses/{id}/contacts")
  List<Contact> timeline(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id) {
    Business business = business(id);
    if (!sharing.mayRead(staff, business.advisor())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この事業者の相談記録は担当の経営指導員と管理者だけが見られます");
    }
    return records.timeline(business.id(), staff.userId());
  }

  @PostMapping("/api/businesses/{id}/contacts")
  ResponseEntity<Map<String, Object>> record(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String id, @RequestBody Map<String, Object> body) {
    if (!staff.isIn(StaffGroup.ADVISORS, StaffGroup.ASSISTANTS, StaffGroup.MANAGERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "相談を記録できるのは経営指導員・補助員・管理者です");
    }
    Business business = business(id);
    VariableMap variables = Variables.createVariables().putValue("businessId", business.id());
    body.forEach((name, value) -> {
      if (FIELDS.contains(name)) {
        variables.putValue(name, value instanceof String text && text.isBlank() ? null : value);
      }
    });
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ContactRecords.PROCESS)
        .latestVersion().singleResult().getId();
    identity.setAuthentication(staff.userId(), staff.groupIds());
    ProcessInstance contact;
    try {
      contact = forms.submitStartForm(definition, business.id(), variables);
    } finally {
      identity.clearAuthentication();
    }
    return ResponseEntity.created(URI.create("/api/businesses/" + business.id() + "/contacts"))
        .body(Map.of("id", contact.getId(), "businessId", business.id()));
  }

  @GetMapping("/api/contacts/tally/{fiscalYear}")
  ContactTally tally(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String fiscalYear) {
    return records.tally(yearForTally(staff, fiscalYear));
  }

  @GetMapping("/api/contacts/tally/{fiscalYear}.csv")
  ResponseEntity<byte[]> tallyCsv(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String fiscalYear) {
    FiscalYear year = yearForTally(staff, fiscalYear);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + year.label() + ".csv\"")
        .body(ContactTallyCsv.write(records.tally(year)));
  }

  private FiscalYear yearForTally(StaffMember staff, String label) {
    if (!staff.isIn(StaffGroup.MANAGERS, StaffGroup.AUDITORS, StaffGroup.ADMINS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "相談件数の集計は管理者と監査の方が見られます");
    }
    try {
      return FiscalYear.parse(label);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度「" + label + "」は R8 や 2026 のように指定してください");
    }
  }

  private Business business(String id) {
    return registry.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "事業者ID「" + id + "」は事業者台帳にありません。経営カルテで事業者IDを確かめてください"));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return message(refused.getStatusCode().value(), refused.getReason());
  }

  /** The model's checks say what is wrong in Japanese; nothing was recorded. */
  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<Map<String, Object>> badInput(BadUserRequestException refused) {
    return message(400, refused.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> notAllowed(AuthorizationException refused) {
    LOG.warn("contact refused by the engine's authorization: {}", refused.getMessage());
    return message(403, "相談を記録する権限がありません。管理者に確認してください");
  }

  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engineRefused(ProcessEngineException refused) {
    // FormFieldValidationException and the like carry the model's Japanese reasons after the engine's prefix
    String message = refused.getMessage();
    int japanese = message == null ? -1 : message.indexOf(": ");
    LOG.warn("contact refused: {}", message);
    return message(400, japanese < 0 ? "入力を確かめてください" : message.substring(japanese + 2));
  }

  private static ResponseEntity<Map<String, Object>> message(int status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }
}
