package jp.bansou.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded default, H2 in a file, promises that a restart loses nothing, even after SIGKILL. */
@Tag("h2")
class CrashOnH2Test {

  private final String dataDir = "./target/test-data/crash-" + UUID.randomUUID();

  @Test
  void completionsAnswered204AreStillCompleteAfterSigkillAndRestart() throws Exception {
    new CompletionBurst("admin", "demo").completionsAnswered204SurviveAKill("crash-h2", port -> {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("BANSOU_DATADIR", dataDir);
      environment.put("BANSOU_DEMO_YEAR_ENABLED", "false");
      environment.put("CAMUNDA_BPM_JOBEXECUTION_ENABLED", "false");
      environment.put("SERVER_PORT", Integer.toString(port));
      return environment;
    });
  }
}
