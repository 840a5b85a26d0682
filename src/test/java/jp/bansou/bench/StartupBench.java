package jp.bansou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import jp.bansou.bench.bare.BareStarterApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Bansō from its packaged jar, as in production, against the bare Camunda starter from the same jar: each
 * a JVM of its own on a fresh H2 file database, started twice (first start creates the schema and deploys,
 * the restart finds both). Ready = {@code /actuator/health} answers 200; memory = the process's VmRSS then.
 */
@Tag("bench")
class StartupBench {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  @Test
  void bansouStartsAndHoldsMemoryComparedWithTheBareStarter() throws Exception {
    Path jar = packagedJar();
    Path dir = BenchResults.DIR.resolve("startup");
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);

    // Without the demo year, which a chamber's installation does not have (off in prod).
    List<String> bansou = List.of("-jar", jar.toString(), "--bansou.data-dir=./" + dir.resolve("bansou"),
        "--bansou.demo.year.enabled=false");
    // The starter's defaults, except a file database like Bansō's and no deployment: the jar's classpath
    // holds Bansō's models, which the starter's default pattern would find, and Bansō's Flyway migrations.
    List<String> bare = List.of("-cp", jar.toString(),
        "-Dloader.main=" + BareStarterApplication.class.getName(), "-Dloader.path=target/test-classes",
        "org.springframework.boot.loader.launch.PropertiesLauncher",
        "--spring.config.name=bare-starter", "--camunda.bpm.auto-deployment-enabled=false",
        "--spring.flyway.enabled=false",
        "--spring.datasource.url=jdbc:h2:file:./" + dir.resolve("bare") + "/camunda");

    Map<String, Object> figures = new LinkedHashMap<>();
    Start bareFirst = start("bare-first", bare, dir);
    Start bansouFirst = start("bansou-first", bansou, dir);
    figures.put("bansouFirstStartSeconds", bansouFirst.seconds);
    figures.put("bareFirstStartSeconds", bareFirst.seconds);
    figures.put("firstStartRatio", BenchResults.ratio(bansouFirst.seconds, bareFirst.seconds));
    figures.put("bansouFirstRssMb", bansouFirst.rssMb);
    figures.put("bareFirstRssMb", bareFirst.rssMb);

    // One restart each is noise on a shared machine (a factor of two between runs): restarts alternate, the
    // figure is the median of each and of the pairs' ratios.
    List<Double> bareSeconds = new ArrayList<>();
    List<Double> bansouSeconds = new ArrayList<>();
    List<Double> pairRatios = new ArrayList<>();
    List<Double> bareCpu = new ArrayList<>();
    List<Double> bansouCpu = new ArrayList<>();
    Start bansouRestart = null;
    Start bareRestart = null;
    for (int i = 1; i <= RESTARTS; i++) {
      bareRestart = start("bare-restart-" + i, bare, dir);
      bansouRestart = start("bansou-restart-" + i, bansou, dir);
      bareSeconds.add(bareRestart.seconds);
      bansouSeconds.add(bansouRestart.seconds);
      pairRatios.add(BenchResults.ratio(bansouRestart.seconds, bareRestart.seconds));
      bareCpu.add(bareRestart.cpuSeconds);
      bansouCpu.add(bansouRestart.cpuSeconds);
    }
    figures.put("restarts", RESTARTS);
    figures.put("bansouRestartSeconds", median(bansouSeconds));
    figures.put("bareRestartSeconds", median(bareSeconds));
    figures.put("restartRatio", BenchResults.ratio(median(bansouSeconds), median(bareSeconds)));
    figures.put("restartPairRatioMedian", median(pairRatios));
    // How far the ratio of medians can move by chance alone: runs of the same jar have moved by ±0.05–0.1, more
    // than what is left to cut, so the goal counts as met only when the interval's upper end is within it.
    figures.put("restartRatioInterval95", ratioOfMediansInterval(bansouSeconds, bareSeconds));
    // CPU seconds move less with the neighbours' load than wall seconds: a second view of the same restarts
    figures.put("bansouRestartCpuSeconds", median(bansouCpu));
    figures.put("bareRestartCpuSeconds", median(bareCpu));
    figures.put("restartCpuRatio", BenchResults.ratio(median(bansouCpu), median(bareCpu)));
    figures.put("bansouRestartSecondsEach", bansouSeconds);
    figures.put("bareRestartSecondsEach", bareSeconds);
    figures.put("bansouRssMb", bansouRestart.rssMb);
    figures.put("bareRssMb", bareRestart.rssMb);
    figures.put("rssRatio", BenchResults.ratio(bansouRestart.rssMb, bareRestart.rssMb));

    // Where a restart goes, by Spring's startup recorder (target/bench/startup/*-steps.json): not timed here.
    steps("bare", bare, BareStarterApplication.class.getName(), dir);
    steps("bansou", List.of("-cp", jar.toString(), "-Dloader.path=target/test-classes",
        "org.springframework.boot.loader.launch.PropertiesLauncher", "--bansou.data-dir=./" + dir.resolve("bansou"),
        "--bansou.demo.year.enabled=false"), "jp.bansou.BansouApplication", dir);
    figures.put("jarMb", BenchResults.round(Files.size(jar) / 1048576.0, 1));
    BenchResults.record("startup", figures);
  }

  /** {@code -Dbench.restarts=N}: restarts of each, alternating (default 5). */
  private static final int RESTARTS = BenchResults.size("restarts", 5);

  /**
   * A 95 % bootstrap interval of the ratio of medians: the alternating pairs resampled with replacement (a pair
   * keeps both starts of the same minutes), percentiles of 4,000 resamples, a fixed seed so a run's figures can be
   * recomputed from its own restarts.
   */
  static List<Double> ratioOfMediansInterval(List<Double> bansou, List<Double> bare) {
    Random random = new Random(20261204L);
    int resamples = 4000;
    double[] ratios = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      List<Double> bansouDrawn = new ArrayList<>();
      List<Double> bareDrawn = new ArrayList<>();
      for (int i = 0; i < bansou.size(); i++) {
        int pair = random.nextInt(bansou.size());
        bansouDrawn.add(bansou.get(pair));
        bareDrawn.add(bare.get(pair));
      }
      ratios[r] = exactMedian(bansouDrawn) / exactMedian(bareDrawn);
    }
    Arrays.sort(ratios);
    return List.of(BenchResults.round(ratios[(int) (resamples * 0.025)], 3),
        BenchResults.round(ratios[(int) (resamples * 0.975) - 1], 3));
  }

  private static double exactMedian(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** Wall time to ready, and the CPU time the process had used by then (all its threads, user and system). */
  record Start(double seconds, double cpuSeconds, long rssMb) {}

  private static double median(List<Double> values) {
    return BenchResults.round(exactMedian(values), 2);
  }

  /** One more restart of {@code application} through {@link StartupSteps}, its steps written beside the logs. */
  private static void steps(String name, List<String> launch, String application, Path dir) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path out = dir.resolve(name + "-steps.json").toAbsolutePath();
    command.add("-Dbench.steps.out=" + out);
    command.add("-Dbench.steps.keep=" + Integer.getInteger("bench.steps.keep", 40));
    command.add("-Dloader.main=" + StartupSteps.class.getName());
    List<String> args = new ArrayList<>(launch);
    // the launcher's arguments: the steps' main takes the application's class first
    int launcher = args.indexOf("org.springframework.boot.loader.launch.PropertiesLauncher");
    args.add(launcher + 1, application);
    args.removeIf(arg -> arg.startsWith("-Dloader.main="));
    command.addAll(args);
    command.add("--server.port=0");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + "-steps.log").toFile()).start();
    assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("%s steps within 3 minutes", name)
        .isTrue();
    assertThat(out).as("%s steps (see %s-steps.log)", name, name).exists();
  }

  private Start start(String name, List<String> args, Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    command.add("--server.port=" + port);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    long started = System.nanoTime();
    try {
      URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
      while (true) {
        assertThat(process.isAlive()).as("%s is running (see %s.log)", name, name).isTrue();
        assertThat(System.nanoTime() - started).as("%s ready within 3 minutes", name)
            .isLessThan(Duration.ofMinutes(3).toNanos());
        if (answers(health)) {
          break;
        }
        Thread.sleep(50);
      }
      double seconds = BenchResults.round((System.nanoTime() - started) / 1e9, 2);
      double cpuSeconds = BenchResults.round(process.info().totalCpuDuration().orElseThrow().toMillis() / 1e3, 2);
      return new Start(seconds, cpuSeconds, rssMb(process.pid()));
    } finally {
      process.destroy();
      process.onExit().get();
    }
  }

  private static boolean answers(URI health) {
    try {
      return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("bansou-.*\\.jar")).findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no packaged jar in target/: run through ./mvnw -Pbench verify"));
    }
  }
}
