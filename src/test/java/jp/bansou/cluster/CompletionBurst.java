package jp.bansou.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff completing tasks over REST as fast as the node answers, while the node is killed with SIGKILL in
 * the middle of the burst: every completion that was answered 204 must still be complete when a new node
 * starts on the same database. What the engine has acknowledged is on disk, or it must not acknowledge it.
 */
final class CompletionBurst {

  private static final Logger LOG = LoggerFactory.getLogger(CompletionBurst.class);

  /** Enough tasks that the burst is still running when the node dies. */
  private static final int TASKS = 150;
  /** The node dies after this many acknowledged completions, with more on the wire. */
  private static final int KILL_AFTER = 40;
  /** A first start creates the engine's schema; on a busy machine that took over three minutes. */
  private static final Duration STARTUP = Duration.ofMinutes(8);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String authorization;

  CompletionBurst(String user, String password) {
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Runs the burst against a node started with {@code environment}, kills it, restarts it and counts. */
  void completionsAnswered204SurviveAKill(String name, IntFunction<Map<String, String>> environment) throws Exception {
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    List<String> tasks = new ArrayList<>();
    try (SeparateJvmNode node = SeparateJvmNode.launch(name, environment)) {
      node.awaitHealthy(STARTUP);
      for (int i = 0; i < TASKS; i++) {
        String id = "burst" + UUID.randomUUID().toString().replace("-", "");
        assertThat(post(node.base(), "/engine-rest/task/create", "{\"id\":\"" + id + "\",\"name\":\"巡回訪問を記録する\"}"))
            .isEqualTo(204);
        tasks.add(id);
      }
      Thread completing = new Thread(() -> {
        for (String id : tasks) {
          try {
            if (post(node.base(), "/engine-rest/task/" + id + "/complete", "{}") == 204) {
              acknowledged.add(id);
            }
          } catch (IOException dead) {
            return;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }, "completing-" + name);
      completing.start();
      await("acknowledged completions").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
          .until(() -> acknowledged.size() >= KILL_AFTER);
      node.kill();
      completing.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(acknowledged).as("the node died in the middle of the burst").hasSizeLessThan(TASKS);

    try (SeparateJvmNode restarted = SeparateJvmNode.launch(name + "-restarted", environment)) {
      restarted.awaitHealthy(STARTUP);
      List<String> lost = new ArrayList<>();
      for (String id : acknowledged) {
        if (get(restarted.base(), "/engine-rest/task/" + id) != 404) {
          lost.add(id);
        }
      }
      LOG.info("{}: {} completions acknowledged before SIGKILL, {} lost after restart", name, acknowledged.size(),
          lost.size());
      assertThat(lost).as("completions answered 204 before the kill, open again after the restart").isEmpty();
      assertThat(get(restarted.base(), "/engine-rest/task/" + tasks.get(TASKS - 1)))
          .as("a task nobody completed is still there").isEqualTo(200);
    }
  }

  private int post(URI base, String path, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(2))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int get(URI base, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .timeout(Duration.ofMinutes(2)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
