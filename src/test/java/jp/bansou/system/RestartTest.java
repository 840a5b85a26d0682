package jp.bansou.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The embedded default keeps its data in files: an engine restart loses nothing and redeploys nothing, and a model
 * changed between two starts is deployed at the second.
 */
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

  @Test
  void aModelChangedBetweenTwoStartsIsDeployedAtTheSecondAndNotAgainAtTheThird() throws IOException {
    Path models = Files.createDirectories(Path.of(dataDir, "models"));
    Path model = models.resolve("restart-extra.bpmn");
    Files.writeString(model, model("一次版"), StandardCharsets.UTF_8);
    String firstVersion;
    try (ConfigurableApplicationContext first = start(models)) {
      firstVersion = latest(first.getBean(ProcessEngine.class));
    }

    Files.writeString(model, model("改訂版"), StandardCharsets.UTF_8);
    String secondVersion;
    long deployments;
    try (ConfigurableApplicationContext second = start(models)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      secondVersion = latest(engine);
      assertThat(secondVersion).as("the changed model is deployed as a new version").isNotEqualTo(firstVersion);
      assertThat(engine.getRepositoryService().getProcessDefinition(secondVersion).getName()).isEqualTo("改訂版");
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
    }

    try (ConfigurableApplicationContext third = start(models)) {
      ProcessEngine engine = third.getBean(ProcessEngine.class);
      assertThat(latest(engine)).as("unchanged since the second start").isEqualTo(secondVersion);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }
  }

  private static String latest(ProcessEngine engine) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("restart-extra")
        .latestVersion().singleResult().getId();
  }

  private static String model(String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://bansou.jp/test">
          <process id="restart-extra" name="%s" isExecutable="true" camunda:historyTimeToLive="P3650D">
            <startEvent id="start" />
            <sequenceFlow id="toEnd" sourceRef="start" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """.formatted(name);
  }

  /** Bansō's models and forms, and one more model from a folder of the test's own. */
  private ConfigurableApplicationContext start(Path moreModels) {
    return start("--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/*.bpmn,classpath*:forms/*.form,file:"
        + moreModels.toAbsolutePath() + "/*.bpmn");
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--bansou.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=restarttest",
        "--camunda.bpm.job-execution.enabled=false",
        "--bansou.demo.year.enabled=false"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(BansouApplication.class).run(args.toArray(String[]::new));
  }
}
