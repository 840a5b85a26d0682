package jp.bansou.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may log in before anybody has used Camunda Admin: the first administrator (always) and, outside
 * production, the demo staff of every role.
 */
@Validated
@ConfigurationProperties("bansou.security")
public record SecurityProperties(@Valid Admin admin, Demo demo) {

  public record Admin(
      @NotBlank(message = "bansou.security.admin.id must name the first administrator") String id,
      @NotBlank(message = "set BANSOU_ADMIN_PASSWORD: there is no default administrator password in production") String password) {}

  /** Demo users exist so that a newcomer can log in at once; the prod profile switches them off. */
  public record Demo(boolean enabled, String password, List<DemoUser> users) {
    public Demo {
      users = users == null ? List.of() : users;
    }
  }

  /** Camunda's web apps print first name then last name, so {@code familyName} goes first to read as Japanese. */
  public record DemoUser(String id, String familyName, String givenName, StaffGroup group) {}
}
