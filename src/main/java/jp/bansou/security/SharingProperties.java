package jp.bansou.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of what staff know about businesses is shared among them (plan §10⑤). {@code bansou.sharing.read}:
 * {@code own-businesses} lets an advisor read only the businesses he or she is in charge of.
 */
@ConfigurationProperties("bansou.sharing")
public record SharingProperties(Read read) {

  public SharingProperties {
    read = read == null ? Read.OWN_BUSINESSES : read;
  }

  public enum Read {
    /** Every staff member reads every business's case file and history, so anyone can continue a colleague's case. */
    ALL_STAFF,
    /** Advisors and assistants read only the businesses they are in charge of; managers and auditors read all. */
    OWN_BUSINESSES
  }
}
