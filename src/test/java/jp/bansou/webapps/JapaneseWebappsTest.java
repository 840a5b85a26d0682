package jp.bansou.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Camunda ships its web apps in English and German only; Bansō's Japanese files must cover every label of
 * the Camunda version on the classpath, so that an upgrade that adds labels fails here rather than showing
 * English islands in a Japanese screen.
 */
class JapaneseWebappsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Tasklist's search pill translates its operators' texts, which Camunda's search configuration gives as
   * plain words ("like") that en.json does not list; the Japanese file names them so a pill reads を含む.
   */
  private static final Set<String> SEARCH_OPERATORS = Set.of("tasklist:like", "tasklist:not like");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyCamundaLabelHasAJapaneseTranslationWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = camundas(app + "/locales/en.json").get("labels");
    JsonNode japanese = ours(app + "/locales/ja.json").get("labels");

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : (Iterable<Map.Entry<String, JsonNode>>) english::fields) {
      JsonNode translation = japanese.get(label.getKey());
      if (translation == null || !translation.isTextual()) {
        problems.add(label.getKey() + ": no translation");
      } else if (!placeholders(label.getValue().asText()).equals(placeholders(translation.asText()))) {
        problems.add(label.getKey() + ": placeholders differ from \"" + label.getValue().asText() + "\"");
      }
    }
    for (String key : (Iterable<String>) japanese::fieldNames) {
      if (!english.has(key) && !SEARCH_OPERATORS.contains(app + ":" + key)) {
        problems.add(key + ": not a Camunda label (any more)");
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void japaneseIsOfferedAndEnglishIsTheFallback(String app) throws IOException {
    String config = text(new ClassPathResource(APPS + app + "/scripts/config.js").getURL());

    assertThat(config).contains("availableLocales: ['ja', 'en']").contains("fallbackLocale: 'en'");
    assertThat(ourUrl(app + "/scripts/config.js").toString()).doesNotContain("camunda-webapp-webjar");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theCamunda8BannerIsHidden(String app) throws IOException {
    String styles = text(ourUrl(app + "/styles/user-styles.css"));

    assertThat(styles).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The file in Camunda's webjar, even where Bansō overrides it. */
  private static JsonNode camundas(String path) throws IOException {
    for (URL url : Collections.list(JapaneseWebappsTest.class.getClassLoader().getResources(APPS + path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return JSON.readTree(text(url).replace("\uFEFF", ""));
      }
    }
    throw new IllegalStateException("no " + path + " in camunda-webapp-webjar");
  }

  private static JsonNode ours(String path) throws IOException {
    return JSON.readTree(text(ourUrl(path)));
  }

  /** Bansō's file: first on the classpath, which is what the web apps serve. */
  private static URL ourUrl(String path) throws IOException {
    return new ClassPathResource(APPS + path).getURL();
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
