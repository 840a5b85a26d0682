package jp.bansou.staff;

import java.util.Map;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.StaffGroup;
import jp.bansou.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The year's trainings and staff meetings for the page at /trainings/ (plan §10, issue #17's rights): managers see
 * and correct all, auditors read all, advisors and assistants see (and correct) their own. Corrections go through
 * {@code POST /api/records/{caseId}/corrections} like the case file's.
 */
@RestController
class StaffRecordsApi {

  private final StaffRecords records;

  StaffRecordsApi(StaffRecords records) {
    this.records = records;
  }

  @GetMapping("/api/staff-records/{fiscalYear}")
  StaffRecords.YearRecords year(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String fiscalYear) {
    boolean all = staff.isIn(StaffGroup.MANAGERS, StaffGroup.AUDITORS, StaffGroup.ADMINS);
    if (!all && !staff.isIn(StaffGroup.ADVISORS, StaffGroup.ASSISTANTS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "研修・ミーティングの記録は職員と監査の方が見られます");
    }
    FiscalYear year;
    try {
      year = FiscalYear.parse(fiscalYear);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度「" + fiscalYear + "」は R8 や 2026 のように指定してください");
    }
    return records.of(year, staff.userId(), all);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
