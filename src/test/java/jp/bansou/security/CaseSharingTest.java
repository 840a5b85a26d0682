package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chamber's choice between sharing every business among staff (plan §10⑤) and each advisor's own. */
class CaseSharingTest {

  private static final StaffMember SATO = new StaffMember("sato", List.of("advisors"));
  private static final StaffMember SUZUKI = new StaffMember("suzuki", List.of("assistants"));
  private static final StaffMember TAKAHASHI = new StaffMember("takahashi", List.of("managers"));
  private static final StaffMember TANAKA = new StaffMember("tanaka", List.of("auditors"));

  @Test
  void byDefaultEveryStaffMemberReadsEveryBusiness() {
    CaseSharing sharing = new CaseSharing(new SharingProperties(null, null));

    for (StaffMember staff : List.of(SATO, SUZUKI, TAKAHASHI, TANAKA)) {
      assertThat(sharing.mayRead(staff, "ito")).as(staff.userId()).isTrue();
      assertThat(sharing.mayRead(staff, null)).as(staff.userId()).isTrue();
    }
  }

  @Test
  void withOwnBusinessesAnAdvisorReadsOnlyHisOwnWhileManagersAndAuditorsReadAll() {
    CaseSharing sharing = new CaseSharing(new SharingProperties(SharingProperties.Read.OWN_BUSINESSES, null));

    assertThat(sharing.mayRead(SATO, "sato")).isTrue();
    assertThat(sharing.mayRead(SATO, "ito")).isFalse();
    assertThat(sharing.mayRead(SATO, null)).isFalse();
    assertThat(sharing.mayRead(SUZUKI, "ito")).isFalse();
    assertThat(sharing.mayRead(TAKAHASHI, "ito")).isTrue();
    assertThat(sharing.mayRead(TANAKA, "ito")).isTrue();
  }
}
