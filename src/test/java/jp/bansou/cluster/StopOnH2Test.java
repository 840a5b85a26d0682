package jp.bansou.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A node on the embedded H2 file stopped as a service manager stops it (SIGTERM, as systemd or a container's
 * stop does): Spring stops the engine first and the database is closed last. H2's own shutdown hook used to
 * close the file while the engine was still stopping, so every stop lost the engine's last metrics report and
 * failed the jobs running at that moment ("Database is already closed").
 */
@Tag("h2")
class StopOnH2Test {

  private final String dataDir = "./target/test-data/stop-" + UUID.randomUUID();

  @Test
  void aStoppedNodeClosesTheDatabaseOnlyAfterTheEngineHasStopped() throws Exception {
    try (SeparateJvmNode node = SeparateJvmNode.launch("stop-h2", port -> {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("BANSOU_DATADIR", dataDir);
      environment.put("BANSOU_DEMO_YEAR_ENABLED", "false");
      environment.put("SERVER_PORT", Integer.toString(port));
      return environment;
    })) {
      node.awaitHealthy(Duration.ofMinutes(8));
      node.stop();

      String log = new String(Files.readAllBytes(node.log()), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(log).as("the engine's shutdown, in " + node.log().toAbsolutePath())
          .contains("Shutting down the JobExecutor")
          .doesNotContain("Database is already closed")
          .doesNotContain("ENGINE-18001");
    }
  }
}
