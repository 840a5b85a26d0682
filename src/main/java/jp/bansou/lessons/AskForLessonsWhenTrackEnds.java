package jp.bansou.lessons;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The closing step of every track (plan §10⑤): when a case of a configured track ends, its advisor is asked
 * for the lessons of the case in a {@code support-lessons} case of the same business. One listener added to
 * the tracks as their models are deployed, instead of the same call activity copied in front of each of their
 * many end events: the tracks' models stay as they are, and a new track joins by configuration. See ADR 0082.
 */
@Component
public class AskForLessonsWhenTrackEnds extends AbstractProcessEnginePlugin {

  static final String LESSONS = "support-lessons";

  private final List<String> tracks;

  AskForLessonsWhenTrackEnds(LessonsProperties properties) {
    this.tracks = properties.tracks();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (tracks.contains(processDefinition.getKey())) {
          ((ScopeImpl) processDefinition).addListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) AskForLessonsWhenTrackEnds::ask);
        }
      }
    });
  }

  /** Only a case that ended on its own path, not one that was cancelled or called by another track. */
  static void ask(DelegateExecution caseEnding) {
    if (caseEnding.isCanceled() || caseEnding.getSuperExecution() != null
        || !caseEnding.getId().equals(caseEnding.getProcessInstanceId()) || caseEnding.getBusinessKey() == null) {
      return;
    }
    String trackName = caseEnding.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(caseEnding.getProcessDefinitionId()).getName();
    caseEnding.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(LESSONS,
        caseEnding.getBusinessKey(), Variables.createVariables()
            .putValue("advisor", caseEnding.getVariable("advisor"))
            .putValue("businessName", caseEnding.getVariable("businessName"))
            .putValue("industry", caseEnding.getVariable("industry"))
            .putValue("track", caseEnding.getProcessDefinitionId().split(":")[0])
            .putValue("trackName", trackName)
            .putValue("trackCase", caseEnding.getProcessInstanceId()));
  }
}
