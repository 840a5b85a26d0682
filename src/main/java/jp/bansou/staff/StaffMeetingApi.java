package jp.bansou.staff;

import java.util.List;
import java.util.Map;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.security.CaseSharing;
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

/** The staff meetings that discussed a business, for its case file, for whom the sharing rule lets read it. */
@RestController
class StaffMeetingApi {

  private final BusinessRegistry registry;
  private final CaseSharing sharing;
  private final StaffMeetingRecords meetings;

  StaffMeetingApi(BusinessRegistry registry, CaseSharing sharing, StaffMeetingRecords meetings) {
    this.registry = registry;
    this.sharing = sharing;
    this.meetings = meetings;
  }

  @GetMapping("/api/businesses/{id}/staff-meetings")
  List<StaffMeetingRecords.Meeting> discussing(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @PathVariable String id) {
    Business business = registry.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "事業者ID「" + id + "」は事業者台帳にありません"));
    if (!sharing.mayRead(staff, business.advisor())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この事業者の記録は担当の経営指導員と管理者だけが見られます");
    }
    return meetings.discussing(id);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
