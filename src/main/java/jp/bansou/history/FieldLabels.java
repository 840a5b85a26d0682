package jp.bansou.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Japanese names of the cases' variables and of their choices, as staff saw them: taken from the Camunda
 * Forms they were entered in ({@code forms/*.form}: a field's {@code key} and {@code label}, a choice's
 * {@code value} and {@code label}), so the history speaks the forms' words without a second dictionary. A
 * variable no form shows keeps its name, unless Bansō itself sets it ({@link #SET_BY_BANSOU}).
 */
@Component
class FieldLabels {

  /**
   * Variables Bansō's listeners and models set, which no form shows: named as staff would say them, so the
   * history does not list raw names between the forms' labels.
   */
  private static final Map<String, String> SET_BY_BANSOU = Map.of(
      "taskBusiness", "タスクの事業者",
      "businessSearch", "事業者の検索語（名前・フリガナ・ID）",
      "figuresToCorrect", "入力した数値を修正する",
      "leadFollowUpDueDate", "見込み客フォローの期限");

  private final Map<String, String> labels = new HashMap<>(SET_BY_BANSOU);
  private final Map<String, String> choices = new HashMap<>();

  FieldLabels() throws IOException {
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    // the same key in two forms (sales, advisor…) takes the label of the first form by name, so a label never
    // depends on the order the class path lists the files in
    Arrays.sort(forms, Comparator.comparing(Resource::getFilename));
    ObjectMapper json = new ObjectMapper();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        collect(json.readTree(in));
      }
    }
  }

  private void collect(JsonNode node) {
    for (JsonNode component : node.path("components")) {
      String key = component.path("key").asText(null);
      // a date field (datetime, subtype date) carries its label as dateLabel
      String label = component.path("label").asText(component.path("dateLabel").asText(null));
      if (key != null && label != null && !label.isBlank()) {
        labels.putIfAbsent(key, label);
        for (JsonNode choice : component.path("values")) {
          choices.putIfAbsent(key + "=" + choice.path("value").asText(), choice.path("label").asText());
        }
      }
      collect(component);
    }
  }

  /**
   * A figure a delegate computes is shown by the form as its text ({@code lbSalesGrowthText}); the figure itself
   * is named after that label.
   */
  String label(String variable) {
    String label = labels.get(variable);
    if (label == null && labels.containsKey(variable + "Text")) {
      return labels.get(variable + "Text") + "（数値）";
    }
    return label != null ? label : variable;
  }

  /** The value as the form offered it (「マル経資金」 for {@code marukeiLoan}), else in Japanese notation. */
  String value(String variable, Object value) {
    if (value instanceof String text) {
      String choice = choices.get(variable + "=" + text);
      if (choice != null) {
        return choice;
      }
    }
    return JapaneseText.value(value);
  }
}
