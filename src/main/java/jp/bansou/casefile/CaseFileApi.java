package jp.bansou.casefile;

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

/** A business's case file over REST ({@code /api/businesses/{id}/case-file}), for whom the sharing rule lets read it. */
@RestController
class CaseFileApi {

  private final BusinessRegistry registry;
  private final CaseFiles caseFiles;
  private final CaseSharing sharing;

  CaseFileApi(BusinessRegistry registry, CaseFiles caseFiles, CaseSharing sharing) {
    this.registry = registry;
    this.caseFiles = caseFiles;
    this.sharing = sharing;
  }

  @GetMapping("/api/businesses/{id}/case-file")
  CaseFile caseFile(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id) {
    Business business = registry.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "事業者ID「" + id + "」は事業者台帳にありません"));
    if (!sharing.mayRead(staff, business.advisor())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この事業者の経営カルテは担当の経営指導員と管理者だけが見られます");
    }
    return caseFiles.of(business);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
