package jp.bansou.business;

import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import jp.bansou.security.CaseSharing;
import jp.bansou.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The registry over REST ({@code /api/businesses}; a business's case file is {@code casefile.CaseFileApi}). Managers and administrators import the office system's
 * list; advisors see the businesses they are in charge of, managers, auditors and administrators all of them.
 */
@RestController
@RequestMapping("/api/businesses")
class BusinessApi {

  private static final int SEARCH_LIMIT = 50;

  private final BusinessImport businessImport;
  private final BusinessRegistry registry;
  private final CaseSharing sharing;

  BusinessApi(BusinessImport businessImport, BusinessRegistry registry, CaseSharing sharing) {
    this.businessImport = businessImport;
    this.registry = registry;
    this.sharing = sharing;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  BusinessImport.Counts importFile(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestParam("file") MultipartFile file) throws IOException {
    requireImporter(staff);
    return businessImport.importCsv(file.getBytes());
  }

  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  BusinessImport.Counts importBody(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestBody byte[] file) {
    requireImporter(staff);
    return businessImport.importCsv(file);
  }

  @GetMapping
  List<Business> search(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestParam(name = "q", required = false) String text) {
    return registry.search(text, Integer.MAX_VALUE).stream()
        .filter(business -> mayRead(staff, business))
        .limit(SEARCH_LIMIT)
        .toList();
  }

  private boolean mayRead(StaffMember staff, Business business) {
    return sharing.mayRead(staff, business.advisor());
  }

  private static void requireImporter(StaffMember staff) {
    if (!staff.isIn(MANAGERS, ADMINS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "事業者台帳の取り込みは事務局（managers）と管理者だけができます");
    }
  }

  @ExceptionHandler(BusinessImport.Rejected.class)
  ResponseEntity<Map<String, Object>> rejected(BusinessImport.Rejected rejected) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", rejected.getMessage(), "problems", rejected.problems()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
