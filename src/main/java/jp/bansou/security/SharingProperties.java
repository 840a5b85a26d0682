package jp.bansou.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of what staff know about businesses is shared among them (plan §10⑤). {@code bansou.sharing.read}:
 * {@code all-staff} (default) lets every staff member read every business, {@code own-businesses} lets an
 * advisor read only the businesses he or she is in charge of. {@code bansou.sharing.start-for-others}: what
 * happens when an advisor starts a case on a business another advisor is in charge of ({@code record}, the
 * default: the case records who started it for whom; {@code refuse}).
 */
@ConfigurationProperties("bansou.sharing")
public record SharingProperties(Read read, StartForOthers startForOthers) {

  public SharingProperties {
    read = read == null ? Read.ALL_STAFF : read;
    startForOthers = startForOthers == null ? StartForOthers.RECORD : startForOthers;
  }

  public enum StartForOthers {
    /** The case starts and keeps {@code startedBy} and {@code advisorInCharge} as variables, visible in its history. */
    RECORD,
    /** Only the advisor in charge (or a manager) starts cases on a business. */
    REFUSE
  }

  public enum Read {
    /** Every staff member reads every business's case file and history, so anyone can continue a colleague's case. */
    ALL_STAFF,
    /** Advisors and assistants read only the businesses they are in charge of; managers and auditors read all. */
    OWN_BUSINESSES
  }
}
