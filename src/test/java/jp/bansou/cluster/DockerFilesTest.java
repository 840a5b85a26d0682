package jp.bansou.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker daemon runs where Bansō is built, so docker/ is checked against what the tests run: the
 * profiles, the variables and the settings they bind to, the port and health path, the user and the
 * time zone. A renamed property or profile fails here instead of in a chamber's server room.
 */
class DockerFilesTest {

  private static final Path RESOURCES = Path.of("src", "main", "resources");
  private static final String GENERIC_PROPERTIES = "camunda.bpm.generic-properties.properties";

  private static Map<String, Map<String, Object>> services;
  private static List<String> runtimeStage;
  private static List<String> buildStage;
  private static Properties application;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readFiles() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker", "compose.yaml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
    List<String> dockerfile = Files.readAllLines(Path.of("docker", "Dockerfile"));
    int runtimeFrom = lastIndexStartingWith(dockerfile, "FROM ");
    buildStage = dockerfile.subList(0, runtimeFrom);
    runtimeStage = dockerfile.subList(runtimeFrom, dockerfile.size());
    application = yaml(RESOURCES.resolve("application.yaml"));
  }

  @Test
  void twoNodesRunTheTestedProductionProfilesOnOneDatabaseUnderNamesOfTheirOwn() {
    Map<String, Map<String, Object>> nodes = nodes();
    assertThat(nodes).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> postgres = environment(services.get("postgres"));
    Set<String> hostnames = new HashSet<>();
    for (var node : nodes.entrySet()) {
      Map<String, Object> environment = environment(node.getValue());
      for (String profile : environment.get("SPRING_PROFILES_ACTIVE").toString().split(",")) {
        assertThat(RESOURCES.resolve("application-" + profile.trim() + ".yaml")).as("profile of %s", node.getKey())
            .exists();
      }
      assertThat(environment.get("SPRING_PROFILES_ACTIVE").toString()).contains("prod").contains("postgres");
      assertThat(environment.get("SPRING_DATASOURCE_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
      assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
      assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
      assertThat(environment.get("BANSOU_ADMIN_PASSWORD").toString()).as("no default admin password")
          .startsWith("${BANSOU_ADMIN_PASSWORD:?");
      hostnames.add(environment.get("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME").toString());
    }
    assertThat(hostnames).as("job executor identities").hasSize(nodes.size());
  }

  @Test
  void everyVariableTheNodesGetIsASettingBansoReads() throws IOException {
    Set<String> known = new HashSet<>(
        Collections.list(application.propertyNames()).stream().map(Object::toString).toList());
    Set<String> placeholders = new HashSet<>();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yaml")).toList()) {
        yaml(file).stringPropertyNames().forEach(known::add);
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(file));
        while (placeholder.find()) {
          placeholders.add(placeholder.group(1));
        }
      }
    }
    Map<String, String> metadata = springMetadata();
    known.addAll(metadata.keySet());

    for (var node : nodes().entrySet()) {
      for (String variable : environment(node.getValue()).keySet()) {
        boolean bound = placeholders.contains(variable)
            || known.stream().anyMatch(property -> elements(property).equals(elements(variable)))
            || genericEngineProperty(variable);
        assertThat(bound).as("%s of %s binds to a property of application*.yaml, Spring Boot or Camunda", variable,
            node.getKey()).isTrue();
      }
    }
  }

  @Test
  void remindersGoByMailToTheMailCatcher() {
    for (var node : nodes().entrySet()) {
      Map<String, Object> environment = environment(node.getValue());
      assertThat(application.getProperty("bansou.mail.enabled")).as("mail is a switch of application.yaml").isNotNull();
      assertThat(environment.get("BANSOU_MAIL_ENABLED")).isEqualTo("true");
      // StaffMail refuses to start with mail on and no sender
      assertThat(environment.get("BANSOU_MAIL_FROM").toString()).isNotBlank();
      Map<String, Object> catcher = services.get(environment.get("SPRING_MAIL_HOST").toString());
      assertThat(catcher).as("the SMTP host is a service of compose.yaml").isNotNull();
      assertThat(catcher.get("image").toString()).contains("mailpit");
      assertThat(environment.get("SPRING_MAIL_PORT")).isEqualTo("1025");
    }
    // with spring.mail.host set, Spring Boot would otherwise report the node DOWN whenever SMTP is
    assertThat(application.getProperty("management.health.mail.enabled")).isEqualTo("false");
  }

  @Test
  void theImageServesTheExposedHealthEndpointOnTheApplicationsPort() {
    String port = application.getProperty("server.port", "8080");
    assertThat(application.getProperty("management.endpoints.web.exposure.include")).contains("health");
    assertThat(runtimeStage).contains("EXPOSE " + port);
    assertThat(String.join("\n", runtimeStage)).contains("HEALTHCHECK")
        .contains("curl -fsS http://127.0.0.1:" + port + "/actuator/health");
    for (var node : nodes().entrySet()) {
      assertThat((List<?>) node.getValue().get("ports")).as("ports of %s", node.getKey())
          .allSatisfy(mapping -> assertThat(mapping.toString()).endsWith(":" + port));
    }
  }

  @Test
  void theImageIsBuiltWithTheWrapperAndRunsOnJava17AsAnUnprivilegedUserInThePlansTimeZone() {
    assertThat(buildStage).anySatisfy(line -> assertThat(line).contains("./mvnw").contains("package"));
    assertThat(runtimeStage.get(0)).matches("FROM eclipse-temurin:17-jre.*");
    String user = runtimeStage.get(lastIndexStartingWith(runtimeStage, "USER ")).substring("USER ".length()).trim();
    assertThat(user).isNotIn("root", "0");
    assertThat(String.join("\n", runtimeStage)).as("the user is created in the runtime image")
        .containsPattern("useradd [^\\n]*" + user);
    assertThat(lastIndexStartingWith(runtimeStage, "USER "))
        .as("the user is set before the process starts")
        .isLessThan(lastIndexStartingWith(runtimeStage, "ENTRYPOINT "));
    String zone = application.getProperty("bansou.time-zone");
    assertThat(String.join("\n", runtimeStage)).contains("-Duser.timezone=" + zone).contains("TZ=" + zone);
  }

  @Test
  void theSecondNodeWaitsUntilTheFirstHasCreatedTheSchema() {
    List<String> nodes = new ArrayList<>(nodes().keySet());
    Collections.sort(nodes);
    for (String later : nodes.subList(1, nodes.size())) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) services.get(later)
          .get("depends_on");
      assertThat(dependsOn).containsKey(nodes.get(0));
      assertThat(dependsOn.get(nodes.get(0))).containsEntry("condition", "service_healthy");
    }
  }

  private static Map<String, Map<String, Object>> nodes() {
    Map<String, Map<String, Object>> nodes = new HashMap<>();
    services.forEach((name, service) -> {
      if (name.startsWith("bansou-")) {
        nodes.put(name, service);
      }
    });
    return nodes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    return (Map<String, Object>) service.get("environment");
  }

  /** A variable such as CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME names a setter of the engine's configuration. */
  private static boolean genericEngineProperty(String variable) {
    List<String> prefix = elements(GENERIC_PROPERTIES);
    List<String> names = elements(variable);
    if (names.size() != prefix.size() + 1 || !names.subList(0, prefix.size()).equals(prefix)) {
      return false;
    }
    String setter = "set" + names.get(prefix.size());
    return Arrays.stream(ProcessEngineConfigurationImpl.class.getMethods()).map(Method::getName)
        .anyMatch(setter::equalsIgnoreCase);
  }

  /** A property or variable name as Spring Boot's relaxed binding compares them: lower case, no dashes. */
  private static List<String> elements(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[._]")).map(part -> part.replace("-", "")).toList();
  }

  /** Every property Spring Boot and Camunda's starter document, by name. */
  private static Map<String, String> springMetadata() throws IOException {
    Map<String, String> properties = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (URL url : Collections.list(DockerFilesTest.class.getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          properties.put(property.path("name").asText(), property.path("type").asText());
        }
      }
    }
    return properties;
  }

  private static Properties yaml(Path file) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource(file));
    return yaml.getObject();
  }

  private static int lastIndexStartingWith(List<String> lines, String prefix) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "'");
  }
}
