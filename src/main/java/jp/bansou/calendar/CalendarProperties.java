package jp.bansou.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The plan's yearly calendar (§3, §5, §6, §8, §9): when each survey, seminar and the annual evaluation
 * starts, and the figures they are measured against. Rumoi's plan is the default in application.yaml;
 * another chamber changes the months here, not the models.
 */
@Validated
@ConfigurationProperties("bansou.calendar")
public record CalendarProperties(
    @Min(0) @Max(23) int startHour,
    @NotNull @Valid Surveys surveys,
    @NotNull @Valid Seminars seminars,
    @NotNull @Valid Schedule evaluation) {

  /** The months of the year (1–12) and the day of the month on which something starts. */
  public record Schedule(
      @NotEmpty(message = "each calendar entry needs at least one month") List<@Min(1) @Max(12) Integer> months,
      // Up to the 28th, so that the day exists in every month, February included.
      @Min(1) @Max(28) int day) {}

  public record Surveys(
      @NotNull @Valid MailedSurvey managementTrend,
      @NotNull @Valid MailedSurvey employmentTrend,
      @NotNull @Valid PublicServantSurvey publicServant,
      @NotNull @Valid Schedule resas) {}

  /** A questionnaire mailed to members and returned in a reply envelope. */
  public record MailedSurvey(
      @NotNull @Valid Schedule schedule,
      @NotBlank String recipientGroup,
      @Min(1) int recipients,
      @DecimalMin("0.0") @DecimalMax("1.0") double expectedReturnRate,
      @Min(1) int collectionDays) {}

  /**
   * One agency a year (1年毎に調査対象機関を変更), by Reiwa year. A year missing from the table leaves the
   * agency for the staff to enter when they prepare the questionnaires.
   */
  public record PublicServantSurvey(
      @NotNull @Valid Schedule schedule,
      @DecimalMin("0.0") @DecimalMax("1.0") double expectedReturnRate,
      @Min(1) int collectionDays,
      Map<Integer, @Valid Agency> agencies) {

    public PublicServantSurvey {
      agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    public Optional<Agency> agencyIn(FiscalYear year) {
      return Optional.ofNullable(agencies.get(year.reiwaYear()));
    }
  }

  public record Agency(@NotBlank String name, @Min(1) int staff) {}

  public record Seminars(
      @NotNull @Valid Seminar managementAnalysis,
      @NotNull @Valid Seminar businessPlan,
      @NotNull @Valid Seminar dx) {}

  /** A participant target of null means the plan sets none (it counts the business-plan seminar, not its seats). */
  public record Seminar(@NotNull @Valid Schedule schedule, @Min(1) Integer participantTarget) {}
}
