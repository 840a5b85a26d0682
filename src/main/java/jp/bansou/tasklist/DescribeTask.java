package jp.bansou.tasklist;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.PlanClock;
import jp.bansou.calendar.BusinessCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Says on every task which business it is for: Tasklist shows a task's description in its header and its
 * 説明 tab, and the cards show the variables a filter lists ({@link RoleFilters#CARD_VARIABLES}, here {@link #CARD_BUSINESS}). Staff think
 * in businesses, so the description names the business (name and id), the track, the visit number of a
 * follow-up visit, the due date and the advisor, and where the case file is.
 *
 * <p>Cases started through a call activity (follow-up visits, referrals, demand surveys) receive the business
 * name but not its id or kana; they are put on the case here so that cards and the business search
 * ({@link #BUSINESS_SEARCH}) work for every task, whoever started the case.
 */
@Component
public class DescribeTask implements TaskListener {

  /**
   * The business on the task card, as a task variable: the card lists variables readable by whoever sees the
   * task, and advisors may read the variables of their tasks but not of every process instance.
   */
  public static final String CARD_BUSINESS = "taskBusiness";

  /** Name, kana and id in one variable: Tasklist's search matches one variable with LIKE. */
  public static final String BUSINESS_SEARCH = "businessSearch";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private final BusinessRegistry registry;
  private final IdentityService identities;
  private final VisitTasks visits;
  private final BusinessCalendar calendar;

  DescribeTask(BusinessRegistry registry, IdentityService identities, VisitTasks visits, BusinessCalendar calendar) {
    this.registry = registry;
    this.identities = identities;
    this.visits = visits;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    String businessId = execution.getProcessBusinessKey();
    Optional<Business> business = businessId == null ? Optional.empty() : registry.find(businessId);
    if (business.isEmpty()) {
      // surveys, seminars and the annual evaluation are not about one business
      task.setDescription(join(trackLine(execution), dueLine(task)));
      return;
    }
    rememberBusinessOnTheCase(execution, business.get());
    task.setVariableLocal(CARD_BUSINESS, business.get().name() + "（" + business.get().id() + "）");
    task.setDescription(join(
        "事業者: " + business.get().name() + "（" + business.get().id() + "）",
        trackLine(execution),
        visitLine(execution),
        dueLine(task),
        advisorLine(execution),
        "経営カルテ: /casefile/?id=" + business.get().id()));
  }

  private void rememberBusinessOnTheCase(DelegateExecution execution, Business business) {
    DelegateExecution processInstance = execution.getProcessInstance();
    if (!business.id().equals(processInstance.getVariable("businessId"))) {
      processInstance.setVariable("businessId", business.id());
    }
    if (processInstance.getVariable("businessName") == null) {
      processInstance.setVariable("businessName", business.name());
    }
    String search = searchText(business);
    if (!search.equals(processInstance.getVariable(BUSINESS_SEARCH))) {
      processInstance.setVariable(BUSINESS_SEARCH, search);
    }
  }

  static String searchText(Business business) {
    return String.join(" ", business.name(), business.nameKana() == null ? "" : business.nameKana(), business.id())
        .replaceAll("\\s+", " ").strip();
  }

  private static String trackLine(DelegateExecution execution) {
    String track = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getName();
    return "支援: " + track;
  }

  private String visitLine(DelegateExecution execution) {
    Object visitNumber = execution.getVariable(visits.visitNumber());
    if (visitNumber == null || !visits.process().equals(processKey(execution))) {
      return null;
    }
    return "巡回訪問: " + visitNumber + "回目";
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId == null ? "" : definitionId.split(":")[0];
  }

  /** The due date, and why it is not the planned day: 「期限: 2026/09/24（国民の休日のため翌営業日）」. */
  private String dueLine(DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null) {
      return "期限: なし";
    }
    return "期限: " + DATE.format(due.toInstant().atZone(PlanClock.zone()))
        + calendar.whyDueMoved(due, task.getVariablesTyped(false)).map(why -> "（" + why + "）").orElse("");
  }

  private String advisorLine(DelegateExecution execution) {
    Object advisor = execution.getVariable("advisor");
    if (advisor == null) {
      return null;
    }
    User user = identities.createUserQuery().userId(advisor.toString()).singleResult();
    return "担当経営指導員: " + (user == null ? advisor : user.getFirstName() + " " + user.getLastName());
  }

  private static String join(String... lines) {
    List<String> present = new ArrayList<>();
    for (String line : lines) {
      if (line != null) {
        present.add(line);
      }
    }
    return String.join("\n", present);
  }
}
