package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.bansou.BansouApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/** Production has no default credentials: no demo staff, and the first admin's password must come from outside. */
@Tag("h2")
class ProductionProfileTest {

  @Test
  void productionRefusesToStartWithoutTheAdminPassword() {
    assertThatThrownBy(() -> production().run(arguments()).close())
        .hasStackTraceContaining("BANSOU_ADMIN_PASSWORD");
  }

  @Test
  void productionHasTheGivenAdminAndNoDemoStaff() {
    try (ConfigurableApplicationContext context = production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments())) {
      IdentityService identities = context.getBean(IdentityService.class);

      assertThat(identities.checkPassword("admin", "s3cret-from-env")).isTrue();
      assertThat(identities.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identities.createUserQuery().userId("sato").count()).isZero();
      assertThat(identities.createGroupQuery().groupId("advisors").count()).isEqualTo(1);
    }
  }

  @Test
  void aProductionStartAfterADemoStartOnTheSameDataDirLetsTheAdminInWithTheEnvironmentsPasswordAndNoDemoLogin() {
    String dataDir = "./target/test-data/demo-then-prod-" + UUID.randomUUID();
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BansouApplication.class)
        .run(arguments(dataDir, "--bansou.demo.year.enabled=false"))) {
      assertThat(demo.getBean(IdentityService.class).checkPassword("takahashi", "demo")).isTrue();
    }

    try (ConfigurableApplicationContext prod = production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments(dataDir))) {
      IdentityService identities = prod.getBean(IdentityService.class);
      // the environment's password works at once: the start's look for demo passwords locked nobody out
      assertThat(identities.checkPassword("admin", "s3cret-from-env")).isTrue();
      for (String demoUser : new String[]{"admin", "sato", "ito", "suzuki", "takahashi", "tanaka"}) {
        assertThat(identities.checkPassword(demoUser, "demo")).as(demoUser).isFalse();
      }
    }
  }

  @Test
  void productionOnTheDemosDatabaseRefusesToStartNamingTheUsersWithTheDemoPassword() {
    String dataDir = "./target/test-data/prod-on-demo-" + UUID.randomUUID();
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BansouApplication.class)
        .run(arguments(dataDir, "--bansou.demo.year.enabled=false"))) {
      IdentityService identities = demo.getBean(IdentityService.class);
      for (String changed : new String[]{"ito", "suzuki", "takahashi", "tanaka"}) {
        var user = identities.createUserQuery().userId(changed).singleResult();
        user.setPassword(changed + "-own-password");
        identities.saveUser(user);
      }
    }

    // the operator points production at the demo's own file
    assertThatThrownBy(() -> production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments(dataDir, "--bansou.data-file=bansou")).close())
        .hasStackTraceContaining("Users [sato] still have the documented demo password");
  }

  @Test
  void staffWithTheirOwnPasswordsLogInAtOnceAfterAProductionStartOnTheDemosDatabase() {
    String dataDir = "./target/test-data/prod-staff-" + UUID.randomUUID();
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BansouApplication.class)
        .run(arguments(dataDir, "--bansou.demo.year.enabled=false"))) {
      IdentityService identities = demo.getBean(IdentityService.class);
      for (String staff : new String[]{"sato", "ito", "suzuki", "takahashi", "tanaka"}) {
        var user = identities.createUserQuery().userId(staff).singleResult();
        user.setPassword(staff + "-own-password");
        identities.saveUser(user);
      }
      var yamada = identities.newUser("yamada");
      yamada.setFirstName("山田");
      yamada.setLastName("太郎");
      yamada.setPassword("yamada-own-password");
      identities.saveUser(yamada);
      identities.createMembership("yamada", "advisors");
    }

    try (ConfigurableApplicationContext prod = production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments(dataDir, "--bansou.data-file=bansou"))) {
      // looking for the demo password counted no failed login: nobody is locked, not even for a few seconds
      IdentityService identities = prod.getBean(IdentityService.class);
      for (String staff : new String[]{"yamada", "sato", "ito", "suzuki", "takahashi", "tanaka"}) {
        UserEntity user = (UserEntity) identities.createUserQuery().userId(staff).singleResult();
        assertThat(user.getAttempts()).as(staff + " failed logins").isZero();
        assertThat(user.getLockExpirationTime()).as(staff + " locked until").isNull();
      }
      String base = "http://localhost:" + prod.getEnvironment().getProperty("local.server.port");
      TestRestTemplate http = new TestRestTemplate();
      assertThat(http.withBasicAuth("yamada", "yamada-own-password").getForEntity(base + "/api/businesses?q=",
          String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(http.withBasicAuth("ito", "ito-own-password").getForEntity(base + "/api/businesses?q=",
          String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void aLockedUserWithTheDemoPasswordStillStopsTheProductionStart() {
    String dataDir = "./target/test-data/prod-locked-" + UUID.randomUUID();
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BansouApplication.class)
        .run(arguments(dataDir, "--bansou.demo.year.enabled=false"))) {
      IdentityService identities = demo.getBean(IdentityService.class);
      for (String staff : new String[]{"ito", "suzuki", "takahashi", "tanaka"}) {
        var user = identities.createUserQuery().userId(staff).singleResult();
        user.setPassword(staff + "-own-password");
        identities.saveUser(user);
      }
      // someone guessed at sato's login until the engine locked him for good (ten failed attempts)
      for (int attempt = 0; attempt < 10; attempt++) {
        identities.checkPassword("sato", "guess-" + attempt);
      }
      assertThat(identities.checkPassword("sato", "demo")).as("sato is locked").isFalse();
    }

    assertThatThrownBy(() -> production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments(dataDir, "--bansou.data-file=bansou")).close())
        .hasStackTraceContaining("Users [sato] still have the documented demo password");
  }

  @Test
  void productionGivesAnAdministratorLeftWithTheDemoPasswordTheConfiguredOne() {
    String dataDir = "./target/test-data/prod-admin-" + UUID.randomUUID();
    try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BansouApplication.class)
        .run(arguments(dataDir, "--bansou.demo.year.enabled=false"))) {
      IdentityService identities = demo.getBean(IdentityService.class);
      for (String staff : new String[]{"sato", "ito", "suzuki", "takahashi", "tanaka"}) {
        identities.deleteUser(staff);
      }
    }

    try (ConfigurableApplicationContext prod = production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env")
        .run(arguments(dataDir, "--bansou.data-file=bansou"))) {
      IdentityService identities = prod.getBean(IdentityService.class);
      assertThat(identities.checkPassword("admin", "s3cret-from-env")).isTrue();
      assertThat(identities.checkPassword("admin", "demo")).isFalse();
    }
  }

  private SpringApplicationBuilder production() {
    return new SpringApplicationBuilder(BansouApplication.class)
        .profiles("prod");
  }

  private static String[] arguments() {
    return arguments("./target/test-data/prod-" + UUID.randomUUID());
  }

  private static String[] arguments(String dataDir, String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--bansou.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=prodtest",
        "--camunda.bpm.job-execution.enabled=false"));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }
}
