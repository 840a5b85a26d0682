package jp.bansou.fair;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.MonthDay;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("bansou.fairs")
public record FairProperties(
    @NotEmpty @Valid List<Fair> events,
    @NotNull Period preparationDueBefore,
    @NotNull Period resultsDueAfter,
    @Min(0) long salesTarget,
    @Min(1) int dealTarget,
    @NotNull Period leadReminderAfter,
    @Min(1) int surveyResponseTarget,
    @NotBlank String tastingSurveyPlace) {

  public FairProperties {
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
  public record Fair(
      @NotBlank String id,
      @NotNull Kind kind,
      @NotBlank String name,
      @NotBlank String place,
      @NotNull MonthDay firstDay,
      @NotNull MonthDay lastDay) {

    public Fair {
      if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
        throw new IllegalArgumentException("bansou.fairs.events: '" + id + "' ends before it starts");
      }
    }
  }
}
