package jp.bansou.demo;

import jp.bansou.business.BusinessRegistry;
import jp.bansou.casefile.CaseFile;
import jp.bansou.casefile.CaseFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;
import jp.bansou.BansouApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo year needs an application of its own: the shared test context keeps it off. */
@Tag("h2")
class DemoYearTest {

  private final String dataDir = "./target/test-data/demo-" + UUID.randomUUID();

  @Test
  void theDemoYearStartsWithEveryTrackLivingAnOverdueVisitAndAnEscalationAndARestartAddsNothing() {
    long instances;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      Date now = new Date();
      assertThat(ClockUtil.getCurrentTime()).as("the engine clock is back to real time").isCloseTo(now, 60_000);
      assertThat(first.getBean(BusinessRegistry.class).search("DEMO-", 100)).hasSizeGreaterThanOrEqualTo(8);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-003")
          .taskDefinitionKey("RecordVisit").dueBefore(now).count()).as("an overdue visit").isEqualTo(1);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("DEMO-003")
          .taskDefinitionKey("HandleLateVisit").taskCandidateGroup("managers").count()).as("escalated").isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("DEMO-001")
          .processDefinitionKey("management-analysis").finished().count()).as("last year's analysis").isEqualTo(1);
      assertThat(
          engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("management-analysis")
              .processInstanceBusinessKeyLike("DEMO-%").finished().count())
          .as("finished analyses").isGreaterThanOrEqualTo(2);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("DEMO-001")
          .processDefinitionKey("follow-up-visits").count()).as("a plan in follow-up").isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("trade-fair")
          .processInstanceBusinessKey("DEMO-009").count()).as("a fair").isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("follow-up-visits")
          .processInstanceBusinessKey("DEMO-010").variableValueEquals("followUpTrack", "startup").count())
          .as("a startup in its monthly follow-up").isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey("DEMO-010")
          .taskDefinitionKey("RecordVisit").finished().count()).as("the startup's visits so far")
          .isGreaterThanOrEqualTo(3);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("business-succession")
          .processInstanceBusinessKey("DEMO-011").count()).as("a succession").isEqualTo(1);
      assertThat(
          engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("specialist-referral")
              .processInstanceBusinessKey("DEMO-011").finished().count())
          .as("referred to the succession centre").isEqualTo(1);
      ProcessInstance meeting = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("business-meeting").processInstanceBusinessKey("DEMO-012").singleResult();
      assertThat(meeting).as("a business meeting").isNotNull();
      assertThat(engine.getRuntimeService().getVariable(meeting.getId(), "dealCount")).as("a deal").isEqualTo(1L);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meeting.getId())
          .taskDefinitionKey("FollowUpLead").count()).as("an open lead").isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("dx-follow-up")
          .processInstanceBusinessKey("DEMO-013").count()).as("a DX follow-up").isEqualTo(1);
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

      CaseFile file = first.getBean(CaseFiles.class)
          .of(first.getBean(BusinessRegistry.class).find("DEMO-001").orElseThrow());
      assertThat(file.benchmarks()).hasSize(2);
      assertThat(file.benchmarks()).extracting(CaseFile.Benchmark::fiscalYear).doesNotHaveDuplicates();
      instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    }
    try (ConfigurableApplicationContext second = start()) {
      assertThat(second.getBean(ProcessEngine.class).getHistoryService().createHistoricProcessInstanceQuery().count())
          .as("a restart drives nothing again").isEqualTo(instances);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BansouApplication.class).run(
        "--server.port=0",
        "--bansou.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=demotest",
        "--bansou.demo.year.enabled=true");
  }
}
