package jp.bansou.lessons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The lessons recorded when cases closed, from the engine's history: a business's, and all of them by industry
 * and topic. Only successes and failures are lessons; "nothing to share" is not listed. Newest first.
 */
@Service
public class LessonRecords {

  static final Map<String, String> KINDS = Map.of("success", "成功事例", "failure", "失敗事例");
  static final Map<String, String> TOPICS = Map.of("general", "経営一般", "finance", "金融・マル経", "tax", "税務・経理",
      "labour", "労働", "subsidy", "補助金・助成金", "startup", "創業", "succession", "事業承継", "salesChannels", "販路開拓",
      "dx", "DX", "other", "その他");
  /** The topics in the order the lessons form lists them. */
  static final List<String> TOPIC_ORDER = List.of("general", "finance", "tax", "labour", "subsidy", "startup",
      "succession", "salesChannels", "dx", "other");

  private final HistoryService history;

  LessonRecords(HistoryService history) {
    this.history = history;
  }

  public List<Lesson> of(String businessId) {
    return lessons(history.createHistoricProcessInstanceQuery().processDefinitionKey(AskForLessonsWhenTrackEnds.LESSONS)
        .processInstanceBusinessKey(businessId).completed().list());
  }

  /** Every lesson, or those of an industry (the registry's, exact) and a topic (its code); null means any. */
  public List<Lesson> search(String industry, String topic) {
    return search(industry, topic, null);
  }

  /**
   * By industry, topic and free text (in the short category, what worked or did not, the business's name and the
   * track's name; spaces, half- and full-width, separate words that must all occur), newest first.
   */
  public List<Lesson> search(String industry, String topic, String text) {
    List<String> words = text == null ? List.of()
        : java.util.Arrays.stream(text.strip().split("[\\s\u3000]+")).filter(word -> !word.isEmpty()).toList();
    return lessons(history.createHistoricProcessInstanceQuery().processDefinitionKey(AskForLessonsWhenTrackEnds.LESSONS)
        .completed().list()).stream()
        .filter(lesson -> industry == null || industry.isBlank() || industry.equals(lesson.industry()))
        .filter(lesson -> topic == null || topic.isBlank() || topic.equals(lesson.topic()))
        .filter(lesson -> words.stream().allMatch(word -> String.join(" ", String.valueOf(lesson.category()),
            String.valueOf(lesson.text()), String.valueOf(lesson.businessName()), String.valueOf(lesson.trackName()))
            .contains(word)))
        .sorted(java.util.Comparator.comparing(Lesson::recordedAt, java.util.Comparator.nullsLast(
            java.util.Comparator.reverseOrder())))
        .toList();
  }

  private List<Lesson> lessons(List<HistoricProcessInstance> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(cases.stream().map(HistoricProcessInstance::getId).toArray(String[]::new)).list()) {
      variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(),
          variable.getValue());
    }
    List<Lesson> lessons = new ArrayList<>();
    for (HistoricProcessInstance instance : cases) {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      String kind = (String) v.get("lessonKind");
      if (!KINDS.containsKey(kind)) {
        continue;
      }
      String topic = (String) v.get("lessonTopic");
      lessons.add(new Lesson(instance.getId(), instance.getBusinessKey(), (String) v.get("businessName"),
          (String) v.get("industry"), (String) v.get("track"), (String) v.get("trackName"), (String) v.get("trackCase"),
          (String) v.get("advisor"), kind, KINDS.get(kind), topic, TOPICS.getOrDefault(topic, topic),
          (String) v.get("lessonCategory"), (String) v.get("lessonText"),
          instance.getEndTime() == null ? null : instance.getEndTime().toInstant().toString()));
    }
    lessons.sort(Comparator.comparing(Lesson::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return lessons;
  }
}
