package jp.bansou.calendar;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plan's yearly calendar (§3, §5, §6, §8, §9): when each survey, seminar and the annual evaluation
 * starts, and the figures they are measured against. Rumoi's plan is the default in application.yaml;
 * another chamber changes the months here, not the models.
 */
@ConfigurationProperties("bansou.calendar")
public record CalendarProperties(int startHour, Surveys surveys, Seminars seminars, Schedule evaluation) {

  public CalendarProperties {
    Settings.between(startHour, 0, 23, "start-hour");
    Settings.required(surveys, "surveys");
    Settings.required(seminars, "seminars");
    Settings.required(evaluation, "evaluation");
  }

  /** The months of the year (1–12) and the day of the month on which something starts. */
  public record Schedule(List<Integer> months, int day) {

    public Schedule {
      Settings.check(months != null && !months.isEmpty(), "each calendar entry needs at least one month");
      Settings.eachBetween(months, 1, 12, "months");
      // Up to the 28th, so that the day exists in every month, February included.
      Settings.between(day, 1, 28, "day");
    }
  }

  public record Surveys(
      MailedSurvey managementTrend,
      MailedSurvey employmentTrend,
      PublicServantSurvey publicServant,
      Schedule resas) {

    public Surveys {
      Settings.required(managementTrend, "management-trend");
      Settings.required(employmentTrend, "employment-trend");
      Settings.required(publicServant, "public-servant");
      Settings.required(resas, "resas");
    }
  }

  /** A questionnaire mailed to members and returned in a reply envelope. */
  public record MailedSurvey(
      Schedule schedule,
      String recipientGroup,
      int recipients,
      double expectedReturnRate,
      int collectionDays) {

    public MailedSurvey {
      Settings.required(schedule, "schedule");
      Settings.notBlank(recipientGroup, "recipient-group");
      Settings.atLeast(recipients, 1, "recipients");
      Settings.shareBetween0And1(expectedReturnRate, "expected-return-rate");
      Settings.atLeast(collectionDays, 1, "collection-days");
    }
  }

  /**
   * One agency a year (1年毎に調査対象機関を変更), by Reiwa year. A year missing from the table leaves the
   * agency for the staff to enter when they prepare the questionnaires.
   */
  public record PublicServantSurvey(
      Schedule schedule,
      double expectedReturnRate,
      int collectionDays,
      Map<Integer, Agency> agencies) {

    public PublicServantSurvey {
      Settings.required(schedule, "schedule");
      Settings.shareBetween0And1(expectedReturnRate, "expected-return-rate");
      Settings.atLeast(collectionDays, 1, "collection-days");
      agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    public Optional<Agency> agencyIn(FiscalYear year) {
      return Optional.ofNullable(agencies.get(year.reiwaYear()));
    }
  }

  public record Agency(String name, int staff) {

    public Agency {
      Settings.notBlank(name, "name");
      Settings.atLeast(staff, 1, "staff");
    }
  }

  public record Seminars(Seminar managementAnalysis, Seminar businessPlan, Seminar dx) {

    public Seminars {
      Settings.required(managementAnalysis, "management-analysis");
      Settings.required(businessPlan, "business-plan");
      Settings.required(dx, "dx");
    }
  }

  /** A participant target of null means the plan sets none (it counts the business-plan seminar, not its seats). */
  public record Seminar(Schedule schedule, Integer participantTarget) {

    public Seminar {
      Settings.required(schedule, "schedule");
      if (participantTarget != null) {
        Settings.atLeast(participantTarget, 1, "participant-target");
      }
    }
  }
}
