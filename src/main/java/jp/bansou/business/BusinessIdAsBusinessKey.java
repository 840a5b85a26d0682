package jp.bansou.business;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ties a case to a business of the registry: the business id becomes the case's business key, and the
 * business's name, industry and employees come from the registry instead of being typed again. Tasklist's
 * start form cannot set a business key, so advisors enter the business id as a variable; API callers may
 * pass the business key instead. An id the registry does not know is refused before the case exists.
 */
@Component
public class BusinessIdAsBusinessKey implements ExecutionListener {

  static final String BUSINESS_ID = "businessId";

  private final BusinessRegistry registry;

  BusinessIdAsBusinessKey(BusinessRegistry registry) {
    this.registry = registry;
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
    if (isBlank(businessKey)) {
      execution.setProcessBusinessKey(key);
    }
    execution.setVariable(BUSINESS_ID, key);
    execution.setVariable("businessName", business.name());
    execution.setVariable("industry", business.industry());
    execution.setVariable("employees", business.employees());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
