package jp.bansou.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The figure and date rules of every Camunda Form, read from the form files the engine deploys
 * ({@code classpath:forms/*.form}): the form declares each rule, the server applies it to whatever door the
 * values came through.
 */
@Component
public class FormFigures {

  /**
   * A date field of a form: Tasklist submits {@code yyyy-MM-dd}.
   *
   * @param workDate the day the step's work was done, by which the KPI report counts it (custom property
   *     {@code workDate: "true"}): left empty it is today, and it may not be later than today
   */
  public record DateRule(String key, String label, boolean workDate) {}

  /**
   * The rules of one form. {@code confirmsImplausible} when the form has the field in which staff confirm
   * figures that are possible but unlikely ({@link ImplausibleFigures#REASON}).
   */
  public record FormRules(String formId, List<FigureRule> figures, List<DateRule> dates, boolean confirmsImplausible) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, FormRules> byFormId;

  public FormFigures() {
    this("classpath*:forms/*.form");
  }

  FormFigures(String locationPattern) {
    Map<String, FormRules> forms = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
        try (InputStream in = resource.getInputStream()) {
          FormRules rules = read(JSON.readTree(in));
          forms.put(rules.formId(), rules);
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("The forms could not be read", unreadable);
    }
    this.byFormId = Map.copyOf(forms);
  }

  /** The rules of the form with this id ({@code camunda:formRef}); a form without figures or dates has none. */
  public FormRules of(String formId) {
    return byFormId.getOrDefault(formId, new FormRules(formId, List.of(), List.of(), false));
  }

  public Map<String, FormRules> all() {
    return byFormId;
  }

  static FormRules read(JsonNode form) {
    List<FigureRule> figures = new ArrayList<>();
    List<DateRule> dates = new ArrayList<>();
    boolean[] confirms = {false};
    walk(form.path("components"), component -> {
      String key = component.path("key").asText(null);
      if (key == null) {
        return;
      }
      if (ImplausibleFigures.REASON.equals(key)) {
        confirms[0] = true;
      }
      boolean readonly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      // A field the form may hide is not submitted when hidden, so the server cannot demand it.
      boolean required = component.path("validate").path("required").asBoolean(false) && !component.has("conditional");
      String label = component.path("label").asText(key);
      Map<String, String> properties = new HashMap<>();
      component.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
      FigureRule figure = FigureRule.of(key, label, properties, required, readonly);
      if (figure != null) {
        figures.add(figure);
      } else if ("datetime".equals(component.path("type").asText()) && !readonly) {
        dates.add(
            new DateRule(key, component.path("dateLabel").asText(label), "true".equals(properties.get("workDate"))));
      }
    });
    return new FormRules(form.path("id").asText(), List.copyOf(figures), List.copyOf(dates), confirms[0]);
  }

  static void walk(JsonNode components, java.util.function.Consumer<JsonNode> visit) {
    for (Iterator<JsonNode> it = components.elements(); it.hasNext();) {
      JsonNode component = it.next();
      visit.accept(component);
      walk(component.path("components"), visit);
    }
  }
}
