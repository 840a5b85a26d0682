package jp.bansou.fair;

import java.time.MonthDay;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fairs and business meetings the chamber takes businesses to, and the targets and deadlines of new
 * demand (plan §8, surveys of §4). Rumoi's values are the defaults in application.yaml.
 *
 * @param events the fairs (B2C) and business meetings (B2B); dates are month-day, the case takes the next edition
 * @param preparationDueBefore advice before a fair and the business meeting sheet are due this long before its
 *     first day; staff are reminded then if any is still open
 * @param resultsDueAfter fair sales and the customer list are due this long after the last day
 * @param salesTarget sales at a fair per business, in yen
 * @param dealTarget deals per business from a business meeting
 * @param leadReminderAfter a lead not followed up this long reminds staff
 * @param surveyResponseTarget responses a demand survey aims at (at a fair or a tasting survey); fewer are
 *     flagged, not refused
 * @param tastingSurveyPlace where the product brush-up tasting survey is held
 */
@ConfigurationProperties("bansou.fairs")
public record FairProperties(
    List<Fair> events,
    Period preparationDueBefore,
    Period resultsDueAfter,
    long salesTarget,
    int dealTarget,
    Period leadReminderAfter,
    int surveyResponseTarget,
    String tastingSurveyPlace) {

  public FairProperties {
    Settings.notEmpty(events, "events");
    Settings.required(preparationDueBefore, "preparation-due-before");
    Settings.required(resultsDueAfter, "results-due-after");
    Settings.atLeast(salesTarget, 0, "sales-target");
    Settings.atLeast(dealTarget, 1, "deal-target");
    Settings.required(leadReminderAfter, "lead-reminder-after");
    Settings.atLeast(surveyResponseTarget, 1, "survey-response-target");
    Settings.notBlank(tastingSurveyPlace, "tasting-survey-place");
    Set<String> ids = new HashSet<>();
    for (Fair fair : events) {
      if (!ids.add(fair.id())) {
        throw new IllegalArgumentException("bansou.fairs.events: id '" + fair.id() + "' is used twice");
      }
    }
  }

  public enum Kind {
    TRADE_FAIR,
    BUSINESS_MEETING
  }

  /** One fair, held every year on about the same days; the chamber adjusts the days when an edition moves. */
  public record Fair(String id, Kind kind, String name, String place, MonthDay firstDay, MonthDay lastDay) {

    public Fair {
      Settings.notBlank(id, "id");
      Settings.required(kind, "kind");
      Settings.notBlank(name, "name");
      Settings.notBlank(place, "place");
      Settings.required(firstDay, "first-day");
      Settings.required(lastDay, "last-day");
      if (lastDay.isBefore(firstDay)) {
        throw new IllegalArgumentException("bansou.fairs.events: '" + id + "' ends before it starts");
      }
    }
  }
}
