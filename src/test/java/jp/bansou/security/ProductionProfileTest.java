package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import jp.bansou.BansouApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
    try (ConfigurableApplicationContext context = production().properties("BANSOU_ADMIN_PASSWORD=s3cret-from-env").run(arguments())) {
      IdentityService identities = context.getBean(IdentityService.class);

      assertThat(identities.checkPassword("admin", "s3cret-from-env")).isTrue();
      assertThat(identities.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identities.createUserQuery().userId("sato").count()).isZero();
      assertThat(identities.createGroupQuery().groupId("advisors").count()).isEqualTo(1);
    }
  }

  private SpringApplicationBuilder production() {
    return new SpringApplicationBuilder(BansouApplication.class)
                .profiles("prod");
  }

  private static String[] arguments() {
    return new String[] {
      "--server.port=0",
      "--bansou.data-dir=./target/test-data/prod-" + UUID.randomUUID(),
      "--camunda.bpm.process-engine-name=prodtest",
      "--camunda.bpm.job-execution.enabled=false"
    };
  }
}
