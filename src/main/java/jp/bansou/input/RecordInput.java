package jp.bansou.input;

import java.time.LocalDate;
import java.util.List;
import jp.bansou.calendar.PlanClock;
import jp.bansou.calendar.PlanDates;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reading and refusing what staff recorded in a task, for the listeners that refuse through the REST API
 * what the Camunda Forms would refuse in Tasklist. Listeners, not expressions: the expression language
 * would wrap the refusal into a 500.
 */
public final class RecordInput {

  private RecordInput() {}

  /** Refuses the task's completion with these Japanese reasons: the REST API answers 400, the task stays open. */
  public static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      // The exception of the engine's own form-field validation: the REST API answers it with 400.
      throw new FormFieldValidationException(List.copyOf(problems), String.join("。", problems) + "。");
    }
  }

  /** Today in the plan's time zone, on the engine clock: the one clock's. */
  public static LocalDate today() {
    return PlanClock.today();
  }

  /**
   * Tasklist's date field submits {@code yyyy-MM-dd}; REST callers may send a date. Null if neither. Read by the
   * one reader of days, {@link PlanDates#read}.
   */
  public static LocalDate date(Object value) {
    return PlanDates.read(value);
  }

  /** A number as the one {@link NumberReader} reads it (typed text or a number), or null. */
  public static Double number(Object value) {
    java.math.BigDecimal number = NumberReader.orNull(value);
    return number == null ? null : number.doubleValue();
  }

  /** A whole number of at least zero (a count), or null. */
  public static Long count(Object value) {
    try {
      return NumberReader.read(value, false, false).longValueExact();
    } catch (NumberReader.Unreadable | ArithmeticException notACount) {
      return null;
    }
  }

  public static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
