package jp.bansou.security;

import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.AUDITORS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import org.springframework.stereotype.Component;

/**
 * The chamber's one rule for who among its staff may read what is known of a business (its case file, its
 * cases' tasks, variables and history). Every door that shows a business's records asks this bean, so no
 * door is open where another is closed; the engine's task grants, which cannot ask it per request, follow the
 * same advisor in charge ({@code business.TaskGrants}).
 */
@Component
public class CaseSharing {

  private final SharingProperties properties;

  CaseSharing(SharingProperties properties) {
    this.properties = properties;
  }

  /**
   * Whether {@code staff} may read the records of a business whose advisor in charge is
   * {@code advisorInCharge} (may be {@code null} for a business nobody is in charge of).
   */
  public boolean mayRead(StaffMember staff, String advisorInCharge) {
    return readsEveryBusiness(staff) || staff.userId().equals(advisorInCharge);
  }

  /** Whether {@code staff} may read every business; otherwise only those he or she is in charge of. */
  public boolean readsEveryBusiness(StaffMember staff) {
    return properties.read() == SharingProperties.Read.ALL_STAFF || staff.isIn(MANAGERS, AUDITORS, ADMINS);
  }
}
