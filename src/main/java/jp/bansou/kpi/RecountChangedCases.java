package jp.bansou.kpi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.bansou.correction.RecordCorrections;
import jp.bansou.system.EngineSessions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Notes, in the transaction that writes a case's history, that the case's KPI counts must be taken again
 * ({@link KpiCounts}, ADR 0113): every history event of a process the targets measure (or of a record correction,
 * which moves another case's date) and the end of every case (its removal time, which a whole hierarchy takes from
 * its root). A command writes one row per case it changed, not one per event: the events are collected in a
 * session of the command and written when the command's sessions are flushed, before its transaction commits.
 * Writing the note with the change is what makes the counts exact: a change that commits has its note, and a
 * change rolled back has none.
 */
@Component
class RecountChangedCases implements ProcessEnginePlugin {

  private static final String END = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName();

  private final JdbcTemplate jdbc;
  private final ObjectProvider<KpiReports> reports;
  /** The process keys whose events matter, from the targets, read at the first event (the engine exists by then). */
  private volatile Set<String> watched;

  RecountChangedCases(JdbcTemplate jdbc, ObjectProvider<KpiReports> reports) {
    this.jdbc = jdbc;
    this.reports = reports;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Marker());
    configuration.setCustomHistoryEventHandlers(handlers);
    EngineSessions.add(configuration, ChangedCases.class, () -> new ChangedCases(jdbc));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}

  private Set<String> watched() {
    Set<String> processes = watched;
    if (processes == null) {
      processes = new java.util.HashSet<>();
      for (Measure measure : KpiCounts.measuresOf(reports.getObject().targets())) {
        processes.add(measure.process());
      }
      processes.add(RecordCorrections.PROCESS);
      watched = Set.copyOf(processes);
      processes = watched;
    }
    return processes;
  }

  private final class Marker implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      String caseId = event.getProcessInstanceId();
      if (caseId == null) {
        return;
      }
      boolean ended = event instanceof HistoricProcessInstanceEventEntity && END.equals(event.getEventType());
      if (ended || watched().contains(event.getProcessDefinitionKey())) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
          ChangedCases.write(jdbc, Set.of(caseId));
        } else {
          command.getSession(ChangedCases.class).add(caseId);
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /** The cases one command changed, written once each when the command flushes. */
  static final class ChangedCases implements Session {

    private final JdbcTemplate jdbc;
    private final Set<String> cases = new LinkedHashSet<>();

    ChangedCases(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    void add(String caseId) {
      cases.add(caseId);
    }

    @Override
    public void flush() {
      if (!cases.isEmpty()) {
        write(jdbc, cases);
        cases.clear();
      }
    }

    @Override
    public void close() {}

    static void write(JdbcTemplate jdbc, Set<String> cases) {
      jdbc.batchUpdate("INSERT INTO BANSOU_KPI_STALE (CASE_ID) VALUES (?)",
          cases.stream().map(id -> new Object[]{id}).toList());
    }
  }
}
