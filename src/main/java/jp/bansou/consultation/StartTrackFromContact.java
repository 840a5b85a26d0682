package jp.bansou.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A contact that leads to a track starts that track's case for the same business, with what the track's own
 * start form would ask filled in: the business (its key), the advisor (the business's advisor in charge, else
 * the staff member of the contact) and how the case came about. The new case runs on its own, not as a part
 * of the contact record: a contact is done when it is recorded, the track takes months.
 */
@Component
public class StartTrackFromContact implements JavaDelegate {

  /** The tracks a contact may lead to: process key → its name on the form. */
  static final Map<String, String> TRACKS = new LinkedHashMap<>(Map.of(
      "management-analysis", "経営分析",
      "business-plan", "事業計画策定",
      "startup", "創業支援",
      "business-succession", "事業承継支援",
      "dx-follow-up", "DX活用の個別フォローアップ"));

  private final RuntimeService runtime;
  private final BusinessRegistry registry;

  StartTrackFromContact(@Lazy RuntimeService runtime, BusinessRegistry registry) {
    this.runtime = runtime;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String track = (String) execution.getVariable("followingTrack");
    String businessId = execution.getProcessBusinessKey();
    String advisor = registry.find(businessId).map(business -> business.advisor())
        .filter(id -> id != null && !id.isBlank())
        .orElse((String) execution.getVariable(CheckContactRecord.CONTACT_STAFF));
    boolean visit = Channel.VISIT.code().equals(execution.getVariable("channel"));
    ProcessInstance started = runtime.startProcessInstanceByKey(track, businessId, Variables.createVariables()
        .putValue("businessId", businessId)
        .putValue("advisor", advisor)
        // the tracks' own start forms name these routes: a visit, or a consultation at the chamber (the startup
        // form knows no visit: a founder is not yet a business to visit)
        .putValue("entryRoute", !visit ? "counter" : "startup".equals(track) ? "other" : "visit")
        .putValue("fromContact", execution.getProcessInstanceId()));
    execution.setVariable("followingTrackCase", started.getId());
    execution.setVariable("followingTrackName", TRACKS.get(track));
  }
}
