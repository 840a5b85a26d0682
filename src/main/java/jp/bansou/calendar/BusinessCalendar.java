package jp.bansou.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.bansou.calendar.BusinessCalendarProperties.ClosedDay;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chamber's business calendar (営業日): which days are open, and the open day a due date, reminder,
 * escalation or yearly start falls on. Models call it for every timer and due date that a person must act
 * on, e.g. {@code ${businessCalendar.after(visitDueDate, 'P7D')}}; see docs/calendar.md. An interval stays
 * what the plan says: only the day something falls due moves, keeping its time of day.
 */
@Component("businessCalendar")
public class BusinessCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(BusinessCalendar.class);
  /** More closed days in a row than any calendar has (Golden Week with a closure is about ten). */
  private static final int MAX_CLOSED_RUN = 60;

  /** A task's planned due date before the calendar moved it, in the task's scope. */
  public static final String DUE_DATE_AS_PLANNED = "dueDateAsPlanned";
  /** The suffix of a stored due date's planned twin: {@code transferDueDate} → {@code transferDueDateAsPlanned}. */
  public static final String AS_PLANNED = "AsPlanned";

  private final BusinessCalendarProperties properties;
  private final NationalHolidays holidays;
  private final AtomicBoolean warnedBeyondHolidays = new AtomicBoolean();

  public BusinessCalendar(BusinessCalendarProperties properties, NationalHolidays holidays) {
    this.properties = properties;
    this.holidays = holidays;
  }

  public boolean isOpen(LocalDate day) {
    return closedBecause(day).isEmpty();
  }

  /**
   * Why the chamber is closed on a day, as staff read it: 「祝日（敬老の日）」, 「振替休日」, 「国民の休日」,
   * 「年末年始の休業」, 「休業日（創立記念日）」, 「土曜日」; empty on an open day.
   */
  public Optional<String> closedBecause(LocalDate day) {
    if (day.isAfter(holidays.knownUntil()) && warnedBeyondHolidays.compareAndSet(false, true)) {
      LOG.warn("National holidays are known only until {}; {} and later count weekends and the chamber's own "
          + "closures only. Update the holiday list (docs/calendar.md).", holidays.knownUntil(), day);
    }
    Optional<String> holiday = holidays.displayNameOf(day)
        .map(name -> name.endsWith("休日") ? name : "祝日（" + name + "）");
    if (holiday.isPresent()) {
      return holiday;
    }
    for (ClosedDay closed : properties.closedDays()) {
      if (closed.date().equals(day)) {
        return Optional.of("休業日（" + closed.reason() + "）");
      }
    }
    if (properties.yearEndClosure() != null && properties.yearEndClosure().contains(day)) {
      return Optional.of("年末年始の休業");
    }
    if (properties.closedWeekdays().contains(day.getDayOfWeek())) {
      return Optional.of(weekdayName(day.getDayOfWeek()));
    }
    return Optional.empty();
  }

  /** The day itself if open, else the next (or, as configured, the previous) open day. */
  public LocalDate openDay(LocalDate day) {
    int step = properties.dueDates() == Direction.NEXT_OPEN_DAY ? 1 : -1;
    LocalDate candidate = day;
    for (int i = 0; i <= MAX_CLOSED_RUN; i++, candidate = candidate.plusDays(step)) {
      if (isOpen(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no open day within " + MAX_CLOSED_RUN + " days of " + day
        + ": check bansou.business-calendar");
  }

  /** The same time of day on the open day the moment's date moves to (in the plan's time zone). */
  public Date openDay(Date moment) {
    ZonedDateTime at = moment.toInstant().atZone(PlanClock.zone());
    LocalDate day = openDay(at.toLocalDate());
    return Date.from(at.with(day).toInstant());
  }

  /**
   * A due date a period after a moment, on an open day: {@code P7D}, {@code P3M} (calendar days and months,
   * as the plan counts them) or a duration such as {@code PT48H}.
   */
  public Date after(Date moment, String period) {
    ZonedDateTime at = moment.toInstant().atZone(PlanClock.zone());
    return openDay(Date.from(plus(at, period).toInstant()));
  }

  /** A period from now (the engine clock), on an open day: for timers that used to say timeDuration. */
  public Date fromNow(String period) {
    return after(Date.from(PlanClock.now()), period);
  }

  /**
   * Why a due date planned for {@code asPlanned} falls due on another day, for the case file:
   * 「祝日（敬老の日）のため翌営業日」; empty if the planned day is open.
   */
  public Optional<String> movedBecause(Date asPlanned) {
    return movedBecause(PlanClock.dateOf(asPlanned));
  }

  public Optional<String> movedBecause(LocalDate asPlanned) {
    String towards = properties.dueDates() == Direction.NEXT_OPEN_DAY ? "翌営業日" : "前営業日";
    return closedBecause(asPlanned).map(reason -> reason + "のため" + towards);
  }

  /**
   * Why a task falls due on another day than planned, from the variables its scope sees: the planned date is
   * {@value #DUE_DATE_AS_PLANNED} (a task whose due date a method computes keeps it as an input parameter), or
   * {@code xAsPlanned} beside the variable {@code x} that the task's due date was taken from (a due date computed
   * once and stored, e.g. {@code transferDueDate} and {@code transferDueDateAsPlanned}). One convention for every
   * model, read by the case file and the task's description (docs/calendar.md).
   */
  public Optional<String> whyDueMoved(Date due, VariableMap variables) {
    // primitive values only, not deserialized: a serialized object whose class is gone must not stop a task
    Map<String, Object> values = new HashMap<>();
    variables.keySet().forEach(name -> {
      TypedValue value = variables.getValueTyped(name);
      if (value != null && value.getType() != null && value.getType().isPrimitiveValueType()) {
        values.put(name, value.getValue());
      }
    });
    return whyDueMoved(due, values);
  }

  private Optional<String> whyDueMoved(Date due, Map<String, ?> variables) {
    if (due == null) {
      return Optional.empty();
    }
    Date planned = variables.get(DUE_DATE_AS_PLANNED) instanceof Date asPlanned ? asPlanned : null;
    if (planned == null) {
      planned = variables.entrySet().stream()
          .filter(variable -> variable.getKey().endsWith(AS_PLANNED) && variable.getValue() instanceof Date)
          .filter(variable -> due.equals(variables.get(
              variable.getKey().substring(0, variable.getKey().length() - AS_PLANNED.length()))))
          .map(variable -> (Date) variable.getValue()).findFirst().orElse(null);
    }
    return planned == null || planned.equals(due) ? Optional.empty() : movedBecause(planned);
  }

  private static ZonedDateTime plus(ZonedDateTime at, String period) {
    String text = period == null ? "" : period.strip();
    try {
      return text.contains("T") ? at.plus(Duration.parse(text)) : at.plus(Period.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 period such as P7D or P3M: '" + period + "'", e);
    }
  }

  private static String weekdayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.JAPANESE);
  }
}
