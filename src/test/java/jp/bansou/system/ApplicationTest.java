package jp.bansou.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.micrometer.core.instrument.MeterRegistry;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EngineTest
class ApplicationTest {

  private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

  @Autowired
  RepositoryService repository;
  @Autowired
  TestRestTemplate http;
  @Autowired
  ApplicationContext context;

  @Test
  void everyModelInTheBpmnFolderIsDeployed() throws IOException {
    List<String> processIds = processIdsIn(Path.of("bpmn"));

    assertThat(processIds).isNotEmpty();
    for (String processId : processIds) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).latestVersion().count())
          .as("deployed definition of %s", processId)
          .isEqualTo(1);
    }
  }

  @Test
  void theBareAddressLeadsToTasklist() throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(http.getRootUri() + "/")).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(URI.create(location)).hasPath("/camunda/app/tasklist/"));
  }

  @Test
  void healthIsOpenWithoutLogin() {
    ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("UP");
  }

  @Test
  void noMetersAreBuiltThatNobodyIsShown() {
    // only health is exposed: the JVM's, Tomcat's and the pool's meters were bound at every start for nobody
    assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
  }

  @Test
  void otherActuatorEndpointsAreNotExposed() {
    assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theEngineReckonsTimeInJapan() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Tokyo");
  }

  static List<String> processIdsIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".bpmn"))
          .flatMap(file -> {
            try {
              Matcher matcher = PROCESS_ID.matcher(Files.readString(file));
              return matcher.results().map(match -> match.group(1)).toList().stream();
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .toList();
    }
  }
}
