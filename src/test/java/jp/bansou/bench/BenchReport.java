package jp.bansou.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs after the benchmarks (its own surefire execution): takes in the KPI report's figures, which
 * jp.bansou.kpi's benchmark writes to {@code target/bench/kpi.json}, notes what did not run, and prints
 * the whole of {@code target/bench/results.json}.
 */
@Tag("bench-report")
class BenchReport {

  static final Path KPI = BenchResults.DIR.resolve("kpi.json");

  @Test
  @SuppressWarnings("unchecked")
  void collectsAndPrintsTheFigures() throws Exception {
    Map<String, Object> results = BenchResults.read();
    if (Files.exists(KPI)) {
      BenchResults.record("kpiReport", new ObjectMapper().readValue(KPI.toFile(), LinkedHashMap.class));
    } else {
      BenchResults.record("kpiReport", Map.of("pending",
          "no target/bench/kpi.json: the KPI report's benchmark (jp.bansou.kpi, tag bench) is not in this build yet"));
    }
    for (String section : new String[]{"startup", "caseThroughput", "timerStorm", "taskList", "historyCleanup"}) {
      if (!results.containsKey(section)) {
        BenchResults.record(section, Map.of("missing", "the benchmark failed or did not run: see the surefire report"));
      }
    }
    System.out.println("[bench] target/bench/results.json\n" + BenchResults.pretty(BenchResults.read()));
  }
}
