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
 * list; who finds which businesses is the sharing rule's ({@link CaseSharing}).
 */
@RestController
@RequestMapping("/api/businesses")
class BusinessApi {

  private static final int SEARCH_LIMIT = 50;
  private static final int MAX_PAGE_SIZE = 100;
  /** Longer than any id (50) or name (200) the registry holds: a longer text can match nothing. */
  private static final int MAX_SEARCH_TEXT = 200;

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

  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  BusinessImport.Counts importBody(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestBody byte[] file) {
    requireImporter(staff);
    return businessImport.importCsv(file);
  }

  /**
   * A page of the businesses the caller may read whose id, name or kana contains {@code q}; {@code page} counts
   * from 0, {@code size} is at most 100. {@code X-More-Results: true} says that a further page has more.
   */
  @GetMapping
  ResponseEntity<List<Business>> search(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "" + SEARCH_LIMIT) int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "page は0以上、size は1以上" + MAX_PAGE_SIZE + "以下にしてください");
    }
    if (text != null && text.length() > MAX_SEARCH_TEXT) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "検索する文字は" + MAX_SEARCH_TEXT + "文字以内にしてください");
    }
    String onlyAdvisor = sharing.readsEveryBusiness(staff) ? null : staff.userId();
    // one more than the page tells whether there is a next page without counting every match
    List<Business> found = registry.search(text, onlyAdvisor, Math.multiplyExact(page, size), size + 1);
    return ResponseEntity.ok()
        .header("X-More-Results", Boolean.toString(found.size() > size))
        .body(found.subList(0, Math.min(size, found.size())));
  }

  private static void requireImporter(StaffMember staff) {
    if (!staff.isIn(MANAGERS, ADMINS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "事業者台帳の取り込みは事務局（managers）と管理者だけができます");
    }
  }

  @ExceptionHandler(BusinessImport.Rejected.class)
  ResponseEntity<Map<String, Object>> rejected(BusinessImport.Rejected rejected) {
    return ResponseEntity.status(rejected.status()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", rejected.getMessage(), "problems", rejected.problems(),
            "problemCount", rejected.problemCount()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
