package jp.bansou.security;

import java.util.List;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in before anybody has used Camunda Admin: the first administrator (always) and, outside
 * production, the demo staff of every role.
 */
@ConfigurationProperties("bansou.security")
public record SecurityProperties(Admin admin, Demo demo) {

  public record Admin(String id, String password) {

    public Admin {
      Settings.check(id != null && !id.isBlank(), "bansou.security.admin.id must name the first administrator");
      Settings.check(password != null && !password.isBlank(),
          "set BANSOU_ADMIN_PASSWORD: there is no default administrator password in production");
    }
  }

  /** Demo users exist so that a newcomer can log in at once; the prod profile switches them off. */
  public record Demo(boolean enabled, String password, List<DemoUser> users) {
    public Demo {
      users = users == null ? List.of() : users;
    }
  }

  /** Camunda's web apps print first name then last name, so {@code familyName} goes first to read as Japanese. */
  public record DemoUser(String id, String familyName, String givenName, StaffGroup group) {}
}
