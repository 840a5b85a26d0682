package jp.bansou.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Checks, before any Spring context tries, that the PostgreSQL the tests need answers. A run that expects
 * PostgreSQL ({@code CI=true}, {@code BANSOU_TEST_POSTGRES=required} as in {@code .ci/run}, or the
 * {@code postgres} profile of {@code -Ppostgres}) fails when it does
 * not: a green build must never mean "the PostgreSQL tests were quietly left out". A local H2 run skips
 * the tests that need it, with the same message.
 *
 * <p>{@link EngineTest} classes need PostgreSQL only under the {@code postgres} profile;
 * {@link NeedsPostgres} classes always do.
 */
public class PostgresRequirement implements ExecutionCondition {

  static final String START_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

  private static volatile Probe probe;

  private final Function<String, String> environment;
  private final Function<String, String> systemProperties;

  public PostgresRequirement() {
    this(System::getenv, System::getProperty);
  }

  PostgresRequirement(Function<String, String> environment, Function<String, String> systemProperties) {
    this.environment = environment;
    this.systemProperties = systemProperties;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean alwaysNeeded = context.getTestClass()
        .map(type -> AnnotationSupport.isAnnotated(type, NeedsPostgres.class))
        .orElse(false);
    if (!alwaysNeeded && !postgresProfileActive()) {
      return ConditionEvaluationResult.enabled("runs on H2");
    }
    return evaluate(probe());
  }

  ConditionEvaluationResult evaluate(Probe result) {
    if (result.failure() == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + result.target().url());
    }
    String message = unreachableMessage(result);
    if (expected()) {
      throw new ExtensionConfigurationException(
          message + " This run expects PostgreSQL (" + whyExpected() + "), so the test fails rather than skips.");
    }
    return ConditionEvaluationResult.disabled(message + " Skipped: this local run does not require PostgreSQL.");
  }

  /** Where the PostgreSQL tests connect: SPRING_DATASOURCE_* as Spring Boot reads them, else application-postgres.yaml. */
  public static Target configured() {
    return new PostgresRequirement().target();
  }

  Target target() {
    Properties yaml = postgresYaml();
    return new Target(
        setting("SPRING_DATASOURCE_URL", "spring.datasource.url", yaml),
        setting("SPRING_DATASOURCE_USERNAME", "spring.datasource.username", yaml),
        setting("SPRING_DATASOURCE_PASSWORD", "spring.datasource.password", yaml));
  }

  boolean expected() {
    return postgresProfileActive() || "required".equals(environment.apply("BANSOU_TEST_POSTGRES"))
        || "true".equalsIgnoreCase(environment.apply("CI"));
  }

  private String whyExpected() {
    if (postgresProfileActive()) {
      return "spring.profiles.active includes postgres, as under -Ppostgres";
    }
    return "required".equals(environment.apply("BANSOU_TEST_POSTGRES")) ? "BANSOU_TEST_POSTGRES=required" : "CI=true";
  }

  private boolean postgresProfileActive() {
    String profiles = Optional.ofNullable(systemProperties.apply("spring.profiles.active"))
        .orElseGet(() -> Optional.ofNullable(environment.apply("SPRING_PROFILES_ACTIVE")).orElse(""));
    return Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("postgres"::equals);
  }

  private String setting(String variable, String property, Properties yaml) {
    return Optional.ofNullable(systemProperties.apply(property))
        .or(() -> Optional.ofNullable(environment.apply(variable)))
        .orElseGet(() -> yaml.getProperty(property, ""));
  }

  private Probe probe() {
    if (probe == null) {
      synchronized (PostgresRequirement.class) {
        if (probe == null) {
          probe = connect(target());
        }
      }
    }
    return probe;
  }

  static Probe connect(Target target) {
    Properties credentials = new Properties();
    credentials.setProperty("user", target.username());
    credentials.setProperty("password", target.password());
    // a stopped server refuses at once, but a firewalled one would otherwise hang the whole build
    credentials.setProperty("connectTimeout", "5");
    try (Connection ignored = DriverManager.getConnection(target.url(), credentials)) {
      return new Probe(target, null);
    } catch (SQLException e) {
      return new Probe(target, e);
    }
  }

  static String unreachableMessage(Probe result) {
    return "PostgreSQL is not reachable at " + result.target().url() + " as user '" + result.target().username()
        + "': " + result.failure().getMessage() + ". Start it with `" + START_COMMAND
        + "`, or point SPRING_DATASOURCE_URL / SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD at a running server.";
  }

  private static Properties postgresYaml() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-postgres.yaml"));
    return yaml.getObject();
  }

  /** A PostgreSQL server and database, with the credentials the tests use. */
  public record Target(String url, String username, String password) {}

  record Probe(Target target, SQLException failure) {}
}
