package jp.bansou.business;

import java.util.List;
import jp.bansou.security.SharingProperties;
import jp.bansou.security.StaffGroup;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ties a case to a business of the registry: the business id becomes the case's business key, and the
 * business's name, industry and employees come from the registry instead of being typed again. Tasklist's
 * start form cannot set a business key, so advisors enter the business id as a variable; API callers may
 * pass the business key instead. An id the registry does not know is refused before the case exists.
 *
 * <p>An advisor who starts a case on a business another advisor is in charge of does so openly: the case
 * keeps {@code startedBy} and {@code advisorInCharge}, which its history shows, or is refused when the
 * chamber says so ({@code bansou.sharing.start-for-others: refuse}).
 */
@Component
public class BusinessIdAsBusinessKey implements ExecutionListener {

  static final String BUSINESS_ID = "businessId";

  private final BusinessRegistry registry;
  private final SharingProperties sharing;

  BusinessIdAsBusinessKey(BusinessRegistry registry, SharingProperties sharing) {
    this.registry = registry;
    this.sharing = sharing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Object businessId = execution.getVariable(BUSINESS_ID);
    String id = businessId == null ? null : businessId.toString().strip();
    if (isBlank(businessKey) && isBlank(id)) {
      throw new BadUserRequestException("事業者IDを入力してください（業務キーまたは変数 businessId）");
    }
    if (!isBlank(businessKey) && !isBlank(id) && !businessKey.equals(id)) {
      throw new BadUserRequestException(
          "業務キー「" + businessKey + "」と事業者ID「" + id + "」が一致しません");
    }
    String key = isBlank(businessKey) ? id : businessKey;
    Business business = registry.find(key).orElseThrow(() -> new BadUserRequestException(
        "事業者ID「" + key + "」は事業者台帳にありません。経営カルテで事業者IDを確かめるか、先に事業者台帳へ登録してください"));
    startedForAnother(execution, business);
    if (isBlank(businessKey)) {
      execution.setProcessBusinessKey(key);
    }
    execution.setVariable(BUSINESS_ID, key);
    execution.setVariable("businessName", business.name());
    execution.setVariable("industry", business.industry());
    execution.setVariable("employees", business.employees());
  }

  private void startedForAnother(DelegateExecution execution, Business business) {
    Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // a case the engine starts by itself (a calendar timer, a call from another case) has no starter to record
    if (starter == null || starter.getUserId() == null || business.advisor() == null
        || business.advisor().equals(starter.getUserId())) {
      return;
    }
    StaffMember staff = new StaffMember(starter.getUserId(),
        starter.getGroupIds() == null ? List.of() : starter.getGroupIds());
    if (staff.isIn(StaffGroup.MANAGERS, StaffGroup.ADMINS)) {
      return;
    }
    if (sharing.startForOthers() == SharingProperties.StartForOthers.REFUSE) {
      throw new AuthorizationException("事業者「" + business.name() + "」（" + business.id() + "）の担当経営指導員は "
          + business.advisor() + " さんです。この事業者の案件は担当者か事務局（法定経営指導員）が開始してください");
    }
    execution.setVariable("startedBy", staff.userId());
    execution.setVariable("advisorInCharge", business.advisor());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
