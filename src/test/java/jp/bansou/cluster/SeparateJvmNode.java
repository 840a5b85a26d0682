package jp.bansou.cluster;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import jp.bansou.BansouApplication;

/**
 * A node in a JVM of its own, started like the container's entry point, so that it can die the way a
 * server dies: {@link #kill()} sends SIGKILL, nothing shuts down cleanly and its locks stay in the
 * database. Its output goes to {@code target/cluster-<name>.log}.
 */
final class SeparateJvmNode implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private SeparateJvmNode(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static SeparateJvmNode launch(NodeSettings settings) {
    return launch(settings.name(), settings::environment);
  }

  /** A node with the environment {@code environment} gives it for its port, e.g. the default profile on H2. */
  static SeparateJvmNode launch(String name, IntFunction<Map<String, String>> environment) {
    int port = freePort();
    Path log = Path.of("target", "cluster-" + name + ".log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-XX:TieredStopAtLevel=1",
        "-cp", classPath(),
        BansouApplication.class.getName()));
    // the node is configured by what it is given alone, not by a datasource or profile of the test run's shell
    builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_"));
    builder.environment().putAll(environment.apply(port));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      return new SeparateJvmNode(name, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch node " + name, e);
    }
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Waits until {@code /actuator/health} answers UP, as the container's HEALTHCHECK does. */
  void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    await("node " + name + " healthy (log: " + log.toAbsolutePath() + ")")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        // the port opens late in the start
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " died while starting; see " + log.toAbsolutePath());
          }
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          return response.statusCode() == 200 && response.body().contains("\"UP\"");
        });
  }

  /** Dies at once, as on a power cut: no shutdown hook, no unlocking of its jobs. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops as a service manager stops it (SIGTERM): the shutdown hooks run; waits until the JVM has exited. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("node " + name + " did not stop within 2 minutes of SIGTERM");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /**
   * The tests' class path without its empty entries: surefire ends it with one, which a JVM reads as the
   * working directory, and the project root's bpmn/ would then be deployed twice over next to target/classes.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
