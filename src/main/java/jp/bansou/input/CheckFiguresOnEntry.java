package jp.bansou.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Applies each form's figure and date rules inside the engine, whichever door the values came through: Tasklist,
 * {@code /engine-rest} (complete, submit-form, start) or Bansō's {@code /api}. Every user task and start event
 * with a Camunda Form ({@code camunda:formRef}) gets a built-in listener that reads the form's figures with the
 * one {@link NumberReader}, stores the exact number (a typed {@code "62,000"} becomes the Long 62000), turns a
 * {@code Date} sent for a date field into the forms' {@code yyyy-MM-dd}, checks the form's cross-field rules and
 * unlikely results, and refuses with {@link FigureRefusal} (400, Japanese) before anything is stored.
 *
 * <p>A parse listener rather than a listener in each model: a new model or form cannot leave it out.
 */
@Component
public class CheckFiguresOnEntry extends AbstractProcessEnginePlugin {

  private static final java.time.format.DateTimeFormatter SLASHED = java.time.format.DateTimeFormatter
      .ofPattern("yyyy/MM/dd");

  private final FormFigures forms;

  public CheckFiguresOnEntry(FormFigures forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formId = formRef(element);
        if (formId != null) {
          // First among the task's end listeners, so the models' own checks see exact numbers. An execution
          // listener, not a task listener: the engine wraps a task listener's exception into a 500.
          ExecutionListener onCompletion = execution -> {
            if (!execution.isCanceled()) {
              check(formId, execution);
            }
          };
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onCompletion, 0);
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formId = formRef(element);
        if (formId != null) {
          ExecutionListener onStart = execution -> check(formId, execution);
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart, 0);
        }
      }
    });
  }

  private static String formRef(Element element) {
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    return formRef == null || formRef.isBlank() || formRef.contains("${") ? null : formRef;
  }

  /** Reads, checks and stores the form's figures and dates in this scope, or refuses them all at once. */
  void check(String formId, VariableScope scope) {
    FormFigures.FormRules rules = forms.of(formId);
    List<String> problems = new ArrayList<>();
    Map<String, Number> figures = new LinkedHashMap<>();
    Map<String, Object> normalised = new LinkedHashMap<>();
    for (FigureRule figure : rules.figures()) {
      if (figure.readonly()) {
        continue;
      }
      try {
        Number value = figure.read(scope.getVariable(figure.key()));
        figures.put(figure.key(), value);
        if (scope.hasVariable(figure.key())) {
          normalised.put(figure.key(), value);
        }
      } catch (FigureRefusal refusal) {
        problems.addAll(refusal.problems());
      }
    }
    for (FigureRule figure : rules.figures()) {
      Number value = figures.get(figure.key());
      if (figure.notAbove() == null || value == null) {
        continue;
      }
      Number limit = figures.containsKey(figure.notAbove())
          ? figures.get(figure.notAbove())
          : NumberReader.orNull(scope.getVariable(figure.notAbove()));
      if (limit != null
          && new java.math.BigDecimal(value.toString()).compareTo(new java.math.BigDecimal(limit.toString())) > 0) {
        problems.add("「" + figure.label() + "」（" + FigureRule.format(new java.math.BigDecimal(value.toString()))
            + "）が「" + labelOf(rules, figure.notAbove()) + "」（"
            + FigureRule.format(new java.math.BigDecimal(limit.toString()))
            + "）を超えています。「" + figure.label() + "」は「" + labelOf(rules, figure.notAbove())
            + "」以下の数字で入力してください。");
      }
    }
    for (FormFigures.DateRule date : rules.dates()) {
      Object value = scope.getVariable(date.key());
      if (RecordInput.isBlank(value)) {
        if (date.workDate()) {
          // the day the work was done, which the KPI report counts by: left empty, it was done today
          normalised.put(date.key(), RecordInput.today().toString());
        }
        // Whether another day must be given is each step's own rule (its form in Tasklist, its listener over REST).
        continue;
      }
      java.time.LocalDate day = RecordInput.date(value);
      if (day == null) {
        problems.add("「" + date.label() + "」は日付で入力してください（例: " + RecordInput.today() + "）。");
      } else if (date.workDate() && day.isAfter(RecordInput.today())) {
        problems.add("「" + date.label() + "」は今日（" + RecordInput.today().format(SLASHED)
            + "）までの日付で入力してください（空欄なら今日の日付になります）。");
      } else {
        // One form for dates everywhere: a Date sent over REST is stored as the forms' yyyy-MM-dd
        normalised.put(date.key(), day.toString());
      }
    }
    if (problems.isEmpty() && rules.confirmsImplausible()) {
      List<String> warnings = ImplausibleFigures.warnings(figures);
      if (!warnings.isEmpty()) {
        if (RecordInput.isBlank(scope.getVariable(ImplausibleFigures.REASON))) {
          problems.add(ImplausibleFigures.refusal(warnings));
        } else {
          normalised.put(ImplausibleFigures.WARNING, String.join("", warnings));
        }
      } else if (scope.hasVariable(ImplausibleFigures.WARNING)) {
        normalised.put(ImplausibleFigures.WARNING, null);
      }
    }
    if (!problems.isEmpty()) {
      throw new FigureRefusal(problems);
    }
    normalised.forEach(scope::setVariable);
  }

  private static String labelOf(FormFigures.FormRules rules, String key) {
    return rules.figures().stream().filter(f -> f.key().equals(key)).map(FigureRule::label).findFirst().orElse(key);
  }
}
