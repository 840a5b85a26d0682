package jp.bansou.lessons;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lessons over REST: a business's (in its case file) and the search by industry and topic. Each lesson is
 * readable by whom the sharing rule lets read its business.
 */
@RestController
class LessonsApi {

  private final BusinessRegistry registry;
  private final CaseSharing sharing;
  private final LessonRecords lessons;

  LessonsApi(BusinessRegistry registry, CaseSharing sharing, LessonRecords lessons) {
    this.registry = registry;
    this.sharing = sharing;
    this.lessons = lessons;
  }

  @GetMapping("/api/businesses/{id}/lessons")
  List<Lesson> ofBusiness(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff, @PathVariable String id) {
    Business business = registry.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "事業者ID「" + id + "」は事業者台帳にありません"));
    if (!sharing.mayRead(staff, business.advisor())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この事業者の記録は担当の経営指導員と管理者だけが見られます");
    }
    return lessons.of(id);
  }

  @GetMapping("/api/lessons")
  List<Lesson> search(@RequestAttribute(StaffMember.ATTRIBUTE) StaffMember staff,
      @RequestParam(required = false) String industry, @RequestParam(required = false) String topic,
      @RequestParam(required = false) String q) {
    return lessons.search(industry, topic, q).stream()
        .filter(
            lesson -> sharing.mayRead(staff, registry.find(lesson.businessId()).map(Business::advisor).orElse(null)))
        .toList();
  }

  /** The choices of the search page: industries as in the registry, topics as the lessons form offers them. */
  @GetMapping("/api/lessons/choices")
  Map<String, Object> choices() {
    return Map.of("industries", jp.bansou.business.Industries.MAJOR_GROUPS, "topics",
        LessonRecords.TOPIC_ORDER.stream().map(code -> Map.of("value", code, "label", LessonRecords.TOPICS.get(code)))
            .toList());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException refused) {
    return ResponseEntity.status(refused.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", refused.getReason()));
  }
}
