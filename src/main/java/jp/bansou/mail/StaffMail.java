package jp.bansou.mail;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Mails the chamber's staff at the e-mail addresses kept with their Camunda users. Failures are
 * thrown, not swallowed: a model sends mail from an asynchronous task, so the engine retries and
 * finally shows an incident in Cockpit.
 */
@Component("staffMail")
public class StaffMail {

  private final MailProperties properties;
  private final MailSender sender;
  private final IdentityService identities;

  StaffMail(MailProperties properties, ObjectProvider<MailSender> sender, IdentityService identities) {
    this.properties = properties;
    this.sender = sender.getIfAvailable();
    this.identities = identities;
    if (properties.enabled() && (this.sender == null || isBlank(properties.from()))) {
      throw new IllegalStateException(
          "bansou.mail.enabled=true needs an SMTP server (spring.mail.host) and a sender (bansou.mail.from)");
    }
  }

  /** Read by the models' gateways: whether a reminder also goes out by mail. */
  public boolean isEnabled() {
    return properties.enabled();
  }

  public void toUser(String userId, String subject, String text) {
    User user = identities.createUserQuery().userId(userId).singleResult();
    if (user == null || isBlank(user.getEmail())) {
      throw new IllegalStateException(
          "利用者 " + userId + " のメールアドレスが登録されていません。Camunda Admin で登録してから再試行してください。");
    }
    send(List.of(user.getEmail()), subject, text);
  }

  /** The name staff see in the web apps: family name first, as Bansō stores it. */
  public String displayName(String userId) {
    User user = identities.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
  }

  /** Every member of the group who has an address; at least one must have one. */
  public void toGroup(String groupId, String subject, String text) {
    List<String> addresses = identities.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail)
        .filter(Objects::nonNull)
        .filter(address -> !address.isBlank())
        .toList();
    if (addresses.isEmpty()) {
      throw new IllegalStateException(
          "グループ " + groupId + " にメールアドレスが登録された利用者がいません。Camunda Admin で登録してから再試行してください。");
    }
    send(addresses, subject, text);
  }

  private void send(List<String> to, String subject, String text) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(to.toArray(String[]::new));
    message.setSubject(subject);
    message.setText(text);
    sender.send(message);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
