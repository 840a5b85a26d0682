package jp.bansou.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code target/bench/results.json}: one section per benchmark, merged as each finishes, so a run that
 * stops half-way still leaves the figures it got. Every figure sits next to its baseline of the same run
 * and their ratio: these machines are shared and noisy, the ratio is what compares between runs.
 */
public final class BenchResults {

  public static final Path DIR = Path.of("target", "bench");
  public static final Path FILE = DIR.resolve("results.json");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static synchronized void record(String section, Map<String, Object> figures) {
    Map<String, Object> all = read();
    all.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "finished", OffsetDateTime.now().toString()));
    all.put(section, figures);
    try {
      Files.createDirectories(DIR);
      JSON.writeValue(FILE.toFile(), all);
      System.out.println("[bench] " + section + " " + JSON.writeValueAsString(figures));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static synchronized Map<String, Object> read() {
    if (!Files.exists(FILE)) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(FILE.toFile(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ratio to two decimals: how many times the baseline's figure Bansō's is. */
  public static double ratio(double figure, double baseline) {
    return Math.round(figure / baseline * 100) / 100.0;
  }

  public static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** A size from {@code -Dbench.<name>=…}, so a quick run can scale the benchmark down. */
  public static int size(String name, int defaultValue) {
    return Integer.getInteger("bench." + name, defaultValue);
  }

  private BenchResults() {}
}
