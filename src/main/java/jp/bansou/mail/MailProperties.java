package jp.bansou.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether Bansō also sends its reminders by e-mail. Off by default: a chamber turns it on once it has
 * an SMTP server ({@code spring.mail.host}, {@code spring.mail.port}, …) and staff e-mail addresses in
 * Camunda Admin; Tasklist shows every reminder either way.
 *
 * @param enabled send reminder mails
 * @param from sender address of the reminder mails
 */
@ConfigurationProperties("bansou.mail")
public record MailProperties(boolean enabled, String from) {}
