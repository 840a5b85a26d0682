package jp.bansou.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.bansou.testing.PostgresRequirement.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class PostgresRequirementTest {

  // nothing listens on port 1, so the driver is refused at once
  private static final String NOBODY = "jdbc:postgresql://127.0.0.1:1/bansou_test";

  @Test
  void aCiRunWithoutPostgresFailsNamingTheUrlAndHowToStartIt() {
    var requirement = new PostgresRequirement(Map.of("CI", "true", "SPRING_DATASOURCE_URL", NOBODY)::get, name -> null);

    assertThat(requirement.expected()).isTrue();
    assertThatThrownBy(() -> requirement.evaluate(PostgresRequirement.connect(requirement.target())))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(NOBODY)
        .hasMessageContaining(PostgresRequirement.START_COMMAND)
        .hasMessageContaining("CI=true");
  }

  @Test
  void thePostgresProfileExpectsPostgresEvenOutsideCi() {
    var requirement = new PostgresRequirement(
        Map.of("SPRING_DATASOURCE_URL", NOBODY)::get, Map.of("spring.profiles.active", "postgres")::get);

    assertThatThrownBy(() -> requirement.evaluate(PostgresRequirement.connect(requirement.target())))
        .hasMessageContaining("-Ppostgres");
  }

  @Test
  void aLocalH2RunSkipsWithTheSameMessage() {
    var requirement = new PostgresRequirement(Map.of("SPRING_DATASOURCE_URL", NOBODY)::get, name -> null);

    ConditionEvaluationResult result = requirement.evaluate(PostgresRequirement.connect(requirement.target()));

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains(NOBODY)
        .contains(PostgresRequirement.START_COMMAND)
        .contains("Skipped"));
  }

  @Test
  void withoutOverridesTheTestsLookWhereThePostgresProfilePoints() {
    Target target = new PostgresRequirement(name -> null, name -> null).target();

    assertThat(target.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/bansou");
  }
}
