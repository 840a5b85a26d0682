package jp.bansou.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import jp.bansou.BansouApplication;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps its data in files: an engine restart loses nothing and redeploys nothing. */
@Tag("h2")
class RestartTest {

  private final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();

  @Test
  void aCaseStartedBeforeARestartIsThereAfterIt() {
    String business = "T-" + UUID.randomUUID();
    String instanceId;
    String definitionId;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      TestBusinesses.register(first.getBean(BusinessRegistry.class), business, "留萌テスト商店", "製造業", 3, "sato");
      var instance = engine.getRuntimeService().startProcessInstanceByKey(
          "management-analysis", business, Map.of("businessId", business, "advisor", "sato"));
      instanceId = instance.getId();
      definitionId = instance.getProcessDefinitionId();
    }

    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(business)
          .singleResult();
      assertThat(instance).isNotNull();
      assertThat(instance.getId()).isEqualTo(instanceId);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      assertThat(
          engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("management-analysis")
              .latestVersion().singleResult().getId())
          .as("an unchanged model is not deployed again")
          .isEqualTo(definitionId);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .run(
            "--server.port=0",
            "--bansou.data-dir=" + dataDir,
            "--camunda.bpm.process-engine-name=restarttest",
            "--camunda.bpm.job-execution.enabled=false",
            "--bansou.demo.year.enabled=false");
  }
}
