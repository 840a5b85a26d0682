package jp.bansou.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Bansō node of the cluster is given, as the environment variables docker/compose.yaml sets: the
 * production profiles, the shared database, and a name of its own that the job log records as the
 * executing host. The tests shorten two job executor settings: the lock time, so that a dead node's jobs
 * come back within the test, and the longest idle wait, so that an idle node looks for due jobs every second.
 */
record NodeSettings(String name, ClusterDatabase database, Duration lockTime) {

  static final String ADMIN_PASSWORD = "cluster-test-admin";

  Map<String, String> environment(int port) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "prod,postgres");
    environment.put("SPRING_DATASOURCE_URL", database.target().url());
    environment.put("SPRING_DATASOURCE_USERNAME", database.target().username());
    environment.put("SPRING_DATASOURCE_PASSWORD", database.target().password());
    environment.put("BANSOU_ADMIN_PASSWORD", ADMIN_PASSWORD);
    environment.put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", name);
    environment.put("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", Long.toString(lockTime.toMillis()));
    // an idle job executor looks for due jobs less and less often, up to Camunda's 60 s; both nodes must be
    // looking when the test releases the timers
    environment.put("CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "1000");
    // engines in one JVM must not share a name in Camunda's static engine registry (which refuses hyphens)
    environment.put("CAMUNDA_BPM_PROCESSENGINENAME", name.replace("-", ""));
    environment.put("SERVER_PORT", Integer.toString(port));
    return environment;
  }
}
