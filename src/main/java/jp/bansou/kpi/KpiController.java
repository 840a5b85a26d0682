package jp.bansou.kpi;

import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.AUDITORS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The KPI report, for managers, auditors and administrators only: it reads the history tables directly,
 * past the engine's authorizations, so this check is the report's whole protection.
 */
@RestController
@RequestMapping("/api/kpi")
class KpiController {

  private final KpiReports reports;

  KpiController(KpiReports reports) {
    this.reports = reports;
  }

  @ModelAttribute
  void onlyReaders(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff) {
    if (!staff.isIn(MANAGERS, AUDITORS, ADMINS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "KPIレポートは法定経営指導員・事務局、評価委員会・監査、システム管理者だけが閲覧できます");
    }
  }

  /** The years the plan sets targets for, and the current one: what the report page offers. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> plan() {
    FiscalYear current = FiscalYear.containing(ClockUtil.getCurrentTime());
    SortedSet<FiscalYear> years = new TreeSet<>();
    reports.targets().rows().forEach(row -> years.addAll(row.targets().keySet()));
    years.add(current);
    return Map.of(
        "chamber", reports.targets().chamber(),
        "current", current.label(),
        "years", years.stream().map(year -> Map.of("label", year.label(), "name", year.displayName())).toList());
  }

  @GetMapping(value = "/{fiscalYear}", produces = MediaType.APPLICATION_JSON_VALUE)
  KpiReport report(@PathVariable String fiscalYear) {
    return reports.report(FiscalYear.parse(fiscalYear));
  }

  @GetMapping("/{fiscalYear}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String fiscalYear) {
    FiscalYear year = FiscalYear.parse(fiscalYear);
    String filename = "成果検証シート_" + year.label() + "_" + year.westernLabel() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
        .body(KpiCsv.write(reports.report(year)));
  }

  @GetMapping(value = "/{fiscalYear}/rows/{rowId}/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  CountedCase.Page cases(@PathVariable String fiscalYear, @PathVariable String rowId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return reports.cases(FiscalYear.parse(fiscalYear), rowId, page, size);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, String>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", e.getMessage()));
  }
}
