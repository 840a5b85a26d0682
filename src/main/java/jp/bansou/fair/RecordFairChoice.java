package jp.bansou.fair;

import static jp.bansou.input.RecordInput.refuseIfAny;

import java.time.LocalDate;
import java.util.List;
import jp.bansou.fair.FairProperties.Fair;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Fixes the fair a case takes part in when the application is recorded: its name, place and days, and the
 * deadlines reckoned from them (preparation before the first day, results after the last), which the
 * model's timers and due dates read. An unknown fair is refused (REST 400), not turned into an incident.
 */
@Component("recordFairChoice")
class RecordFairChoice implements ExecutionListener {

  private final Fairs fairs;

  RecordFairChoice(Fairs fairs) {
    this.fairs = fairs;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Object id = execution.getVariable("fairId");
    FairProperties.Kind kind = Fairs.kind((String) execution.getVariable("fairKind"));
    Fair fair = fairs.find(id == null ? null : id.toString(), kind).orElse(null);
    if (fair == null) {
      refuseIfAny(List.of(kind == FairProperties.Kind.TRADE_FAIR
          ? "出展する物産展を一覧から選んでください" : "出展する商談会を一覧から選んでください"));
    }
    LocalDate firstDay = fairs.firstDayOfNextEdition(fair);
    LocalDate lastDay = fairs.lastDayOfEdition(fair, firstDay);
    DelegateExecution process = execution.getProcessInstance();
    process.setVariable("fairId", fair.id());
    process.setVariable("fairName", fair.name());
    process.setVariable("fairPlace", fair.place());
    process.setVariable("fairLabel", fairs.label(fair));
    process.setVariable("fairFirstDay", Fairs.startOf(firstDay));
    process.setVariable("fairLastDay", Fairs.startOf(lastDay));
    process.setVariable("preparationDueDate", Fairs.startOf(fairs.preparationDueDay(firstDay)));
    process.setVariable("resultsDueDate", Fairs.startOf(fairs.resultsDueDay(lastDay)));
    // the days before the business calendar moved them: the case file says why a task falls due later
    process.setVariable("preparationDueDateAsPlanned", Fairs.startOf(fairs.preparationDueDayAsPlanned(firstDay)));
    process.setVariable("resultsDueDateAsPlanned", Fairs.startOf(fairs.resultsDueDayAsPlanned(lastDay)));
  }
}
