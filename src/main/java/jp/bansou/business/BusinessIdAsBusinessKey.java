package jp.bansou.business;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Makes the business id the case's business key. Tasklist's start form cannot set a business key, so
 * advisors enter the business id as a variable; API callers may pass the business key instead. Either
 * way both end up equal, so forms show the id and every case of a business shares its key.
 */
@Component
public class BusinessIdAsBusinessKey implements ExecutionListener {

  static final String BUSINESS_ID = "businessId";

  @Override
  public void notify(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Object businessId = execution.getVariable(BUSINESS_ID);
    String id = businessId == null ? null : businessId.toString().strip();
    if (isBlank(businessKey) && isBlank(id)) {
      throw new BadUserRequestException("事業者IDを入力してください（業務キーまたは変数 businessId）");
    }
    if (isBlank(businessKey)) {
      execution.setProcessBusinessKey(id);
    } else if (isBlank(id)) {
      execution.setVariable(BUSINESS_ID, businessKey);
    } else if (!businessKey.equals(id)) {
      throw new BadUserRequestException(
          "業務キー「" + businessKey + "」と事業者ID「" + id + "」が一致しません");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
