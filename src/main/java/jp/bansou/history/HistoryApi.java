package jp.bansou.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanDates;
import jp.bansou.security.CaseSharing;
import jp.bansou.security.StaffMember;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditors' history over REST ({@code /api/history/*}), read by the Cockpit plugin 「案件の履歴」 and the
 * printable page: find cases, read one case's trail, export trails as CSV. Read-only by construction (GET
 * only). Who may read a case is the chamber's one sharing rule ({@link CaseSharing}) about the advisor in
 * charge of the case's business, as in the case file.
 */
@RestController
class HistoryApi {

  private static final int MAX_PAGE_SIZE = 200;

  private final CaseSearch search;
  private final CaseTrails trails;
  private final BusinessRegistry registry;
  private final CaseSharing sharing;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;
  private final IdentityService identities;

  HistoryApi(CaseSearch search, CaseTrails trails, BusinessRegistry registry, CaseSharing sharing,
      RepositoryService repository, AuthorizationService authorizations, IdentityService identities) {
    this.search = search;
    this.trails = trails;
    this.registry = registry;
    this.sharing = sharing;
    this.repository = repository;
    this.authorizations = authorizations;
    this.identities = identities;
  }

  @GetMapping("/api/history/cases")
  CaseSearch.Page cases(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestParam(required = false) String q, @RequestParam(required = false) String track,
      @RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String state,
      @RequestParam(required = false) String advisor, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw refused("ページは0以上、件数は1〜" + MAX_PAGE_SIZE + "で指定してください");
    }
    return search.find(staff, new CaseSearch.Criteria(q, track, fiscalYear(fiscalYear), state(state), advisor,
        date(from, "開始日"), date(to, "終了日"), page, size));
  }

  /** What the search form offers: the tracks (process definitions), the advisors in charge, the fiscal years. */
  @GetMapping("/api/history/choices")
  Map<String, Object> choices(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff) {
    Map<String, String> tracks = new LinkedHashMap<>();
    repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey))
        .forEach(definition -> tracks.put(definition.getKey(),
            definition.getName() == null ? definition.getKey() : definition.getName()));
    FiscalYear now = FiscalYear.containing(java.time.Instant.now());
    List<Map<String, String>> years = java.util.stream.IntStream.rangeClosed(0, 9)
        .mapToObj(back -> new FiscalYear(now.startYear() - back))
        .map(year -> Map.of("value", year.label(), "label", year.displayName())).toList();
    List<Map<String, String>> advisors = identities.createUserQuery().memberOfGroup(StaffGroup.ADVISORS.id())
        .orderByUserId().asc().list().stream()
        .map(user -> Map.of("value", user.getId(), "label", search.staffName(user.getId()))).toList();
    return Map.of("tracks", tracks, "fiscalYears", years, "advisors", advisors, "readOnly", readOnly(staff),
        "mayAssignTasks", authorizations.isUserAuthorized(staff.userId(), staff.groupIds(), Permissions.TASK_ASSIGN,
            Resources.TASK));
  }

  @GetMapping("/api/history/cases/{id}")
  CaseTrail trail(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id) {
    return trails.trail(readable(staff, id));
  }

  /** The case's model as deployed when it ran (BPMN 2.0 XML), for the diagram of the path taken. */
  @GetMapping(value = "/api/history/cases/{id}/diagram", produces = "application/xml;charset=UTF-8")
  byte[] diagram(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id)
      throws IOException {
    try (InputStream model = repository.getProcessModel(readable(staff, id).getProcessDefinitionId())) {
      return model.readAllBytes();
    }
  }

  @GetMapping("/api/history/cases/{id}/trail.csv")
  ResponseEntity<byte[]> caseCsv(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id,
      @RequestParam(required = false) String lang) {
    HistoricProcessInstance instance = readable(staff, id);
    return csv(List.of(trails.trail(instance)), lang, "案件履歴_" + instance.getBusinessKey() + "_" + id + ".csv");
  }

  /** Every case of the business, first one first, for the printable page. */
  @GetMapping("/api/history/businesses/{key}")
  Map<String, Object> business(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String key) {
    List<CaseTrail> all = businessTrails(staff, key);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", key);
    answer.put("businessName", all.get(0).summary().businessName());
    answer.put("cases", all);
    return answer;
  }

  @GetMapping("/api/history/businesses/{key}/trail.csv")
  ResponseEntity<byte[]> businessCsv(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String key, @RequestParam(required = false) String lang) {
    return csv(businessTrails(staff, key), lang, "事業者履歴_" + key + ".csv");
  }

  private List<CaseTrail> businessTrails(StaffMember staff, String key) {
    mayRead(staff, key);
    List<HistoricProcessInstance> cases = trails.casesOf(key);
    if (cases.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "事業者ID「" + key + "」の案件は履歴にありません");
    }
    return cases.stream().map(trails::trail).toList();
  }

  private HistoricProcessInstance readable(StaffMember staff, String id) {
    HistoricProcessInstance instance = trails.instance(id).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "案件「" + id + "」は履歴にありません。案件の検索から開いてください"));
    mayRead(staff, instance.getBusinessKey());
    return instance;
  }

  private void mayRead(StaffMember staff, String businessKey) {
    String advisor = businessKey == null ? null : registry.find(businessKey).map(Business::advisor).orElse(null);
    if (!sharing.mayRead(staff, advisor)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "この事業者の履歴は担当の経営指導員と管理者・監査担当だけが見られます");
    }
  }

  /**
   * Whether the engine would refuse this person every change to a case (auditors): Cockpit then hides the
   * buttons that would only end in a refusal. Asked of the engine's authorizations, not of a group name.
   */
  boolean readOnly(StaffMember staff) {
    return !authorizations.isUserAuthorized(staff.userId(), staff.groupIds(), Permissions.UPDATE,
        Resources.PROCESS_INSTANCE)
        && !authorizations.isUserAuthorized(staff.userId(), staff.groupIds(), Permissions.DELETE,
            Resources.PROCESS_INSTANCE);
  }

  private static ResponseEntity<byte[]> csv(List<CaseTrail> trails, String lang, String fileName) {
    boolean english = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en");
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(TrailCsv.write(trails, english));
  }

  private static FiscalYear fiscalYear(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return FiscalYear.parse(text);
    } catch (IllegalArgumentException e) {
      throw refused("年度は R7 または 2025 のように指定してください（「" + text + "」）");
    }
  }

  private static CaseSearch.State state(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return CaseSearch.State.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused("状態は running（進行中）、finished（完了）、cancelled（中止）のいずれかで指定してください");
    }
  }

  private static LocalDate date(String text, String what) {
    if (text == null || text.isBlank()) {
      return null;
    }
    LocalDate day = PlanDates.read(text);
    if (day == null) {
      throw refused(what + "は 2026/12/02 のように指定してください（「" + text + "」）");
    }
    return day;
  }

  private static ResponseStatusException refused(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refusedAnswer(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
