package jp.bansou.fair;

import static org.camunda.spin.Spin.JSON;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import jp.bansou.input.RecordInput;
import jp.bansou.fair.FairProperties.Fair;
import jp.bansou.fair.FairProperties.Kind;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The configured fairs and the new-demand calendar as expressions for the models. A fair is held every
 * year on about the same days, so a case always means its next edition: the one whose last day has not
 * passed on the engine clock, in the plan's time zone.
 */
@Component("fairs")
public class Fairs {

  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final FairProperties properties;
  private final BusinessCalendar calendar;

  Fairs(FairProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /**
   * The application form's choices of one kind ({@code trade-fair} or {@code business-meeting}), soonest
   * first: Tasklist fills a Camunda Form select ({@code valuesKey}) from a JSON list of label and value.
   */
  public JsonValue choices(String kind) {
    List<Map<String, String>> choices = new ArrayList<>();
    properties.events().stream()
        .filter(fair -> fair.kind() == kind(kind))
        .sorted(Comparator.comparing(fair -> firstDayOfNextEdition(fair)))
        .forEach(fair -> {
          Map<String, String> choice = new LinkedHashMap<>();
          choice.put("label", label(fair));
          choice.put("value", fair.id());
          choices.add(choice);
        });
    return SpinValues.jsonValue(JSON(choices)).create();
  }

  Optional<Fair> find(String id, Kind kind) {
    return properties.events().stream().filter(fair -> fair.id().equals(id) && fair.kind() == kind).findFirst();
  }

  /** e.g. 北の恵み食べマルシェ（旭川市 平和通買物公園ほか・2027年9月13日〜9月15日） */
  String label(Fair fair) {
    LocalDate first = firstDayOfNextEdition(fair);
    LocalDate last = fair.lastDay().atYear(first.getYear());
    return fair.name() + "（" + fair.place() + "・" + JAPANESE_DATE.format(first) + "〜"
        + last.getMonthValue() + "月" + last.getDayOfMonth() + "日）";
  }

  LocalDate firstDayOfNextEdition(Fair fair) {
    LocalDate today = RecordInput.today();
    int year = fair.lastDay().atYear(today.getYear()).isBefore(today) ? today.getYear() + 1 : today.getYear();
    return fair.firstDay().atYear(year);
  }

  LocalDate lastDayOfEdition(Fair fair, LocalDate firstDay) {
    return fair.lastDay().atYear(firstDay.getYear());
  }

  /** Preparation is due this long before the first day, on a day the chamber is open. */
  LocalDate preparationDueDay(LocalDate firstDay) {
    return calendar.openDay(preparationDueDayAsPlanned(firstDay));
  }

  /** Before the business calendar moved it: the case file says why it moved. */
  LocalDate preparationDueDayAsPlanned(LocalDate firstDay) {
    return firstDay.minus(properties.preparationDueBefore());
  }

  /** Results are due this long after the last day, on a day the chamber is open. */
  LocalDate resultsDueDay(LocalDate lastDay) {
    return calendar.openDay(resultsDueDayAsPlanned(lastDay));
  }

  LocalDate resultsDueDayAsPlanned(LocalDate lastDay) {
    return lastDay.plus(properties.resultsDueAfter());
  }

  /**
   * A lead's next follow-up is due the reminder period from now, on an open day; the model's reminder fires
   * then and carries the same due date.
   */
  public Date leadFollowUpDueDate() {
    return calendar.openDay(leadFollowUpDueDateAsPlanned());
  }

  /** The lead's due date before the business calendar moved it (the task keeps it as dueDateAsPlanned). */
  public Date leadFollowUpDueDateAsPlanned() {
    return Date.from(PlanClock.nowInPlanZone().plus(properties.leadReminderAfter()).toInstant());
  }

  public int surveyResponseTarget() {
    return properties.surveyResponseTarget();
  }

  public String tastingSurveyPlace() {
    return properties.tastingSurveyPlace();
  }

  /** The start of a day in the plan's time zone: when a fair day's or a survey day's timer fires. */
  public static Date startOf(LocalDate day) {
    return PlanClock.startOf(day);
  }

  /** The start of a recorded day ({@code yyyy-MM-dd} from Tasklist, or a date), for a timer. */
  public Date startOfDay(Object day) {
    LocalDate date = RecordInput.date(day);
    if (date == null) {
      throw new IllegalArgumentException("not a date: " + day);
    }
    return startOf(date);
  }

  /** A tasting survey's results are due as long after its day as a fair's. */
  public Date tastingResultsDueDate(Object surveyDay) {
    LocalDate date = RecordInput.date(surveyDay);
    if (date == null) {
      throw new IllegalArgumentException("not a date: " + surveyDay);
    }
    return startOf(resultsDueDay(date));
  }

  public Date tastingResultsDueDateAsPlanned(Object surveyDay) {
    LocalDate date = RecordInput.date(surveyDay);
    if (date == null) {
      throw new IllegalArgumentException("not a date: " + surveyDay);
    }
    return startOf(resultsDueDayAsPlanned(date));
  }

  static Kind kind(String kind) {
    return Kind.valueOf(kind.strip().toUpperCase().replace('-', '_'));
  }
}
