package jp.bansou.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.bansou.testing.NeedsPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Production's database, PostgreSQL: a node killed with SIGKILL loses none of the work it acknowledged. */
@NeedsPostgres
@Tag("cluster")
class CrashOnPostgresTest {

  @Test
  void completionsAnswered204AreStillCompleteAfterSigkillAndRestart() throws Exception {
    ClusterDatabase database = ClusterDatabase.fresh("crash");
    new CompletionBurst("admin", NodeSettings.ADMIN_PASSWORD).completionsAnswered204SurviveAKill("crash-pg", port -> {
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("SPRING_PROFILES_ACTIVE", "prod,postgres");
      environment.put("SPRING_DATASOURCE_URL", database.target().url());
      environment.put("SPRING_DATASOURCE_USERNAME", database.target().username());
      environment.put("SPRING_DATASOURCE_PASSWORD", database.target().password());
      environment.put("BANSOU_ADMIN_PASSWORD", NodeSettings.ADMIN_PASSWORD);
      environment.put("CAMUNDA_BPM_JOBEXECUTION_ENABLED", "false");
      environment.put("SERVER_PORT", Integer.toString(port));
      return environment;
    });
  }
}
