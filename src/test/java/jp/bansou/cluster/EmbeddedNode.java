package jp.bansou.cluster;

import java.util.HashMap;
import java.util.function.Supplier;
import jp.bansou.BansouApplication;
import jp.bansou.followup.FollowUpSchedules;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A node inside the test's JVM: the whole application, whose engine the test can call directly. */
final class EmbeddedNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private EmbeddedNode(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static EmbeddedNode start(NodeSettings settings) {
    StandardEnvironment environment = new StandardEnvironment();
    // ahead of the JVM's real environment and system properties, which name the tests' own database; the
    // name's suffix makes Spring Boot bind these variables as it binds a real environment's
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        settings.name() + "-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new HashMap<String, Object>(settings.environment(0))));
    return new EmbeddedNode(new SpringApplicationBuilder(BansouApplication.class).environment(environment).run());
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  FollowUpSchedules followUpSchedules() {
    return context.getBean(FollowUpSchedules.class);
  }

  /** Engine calls inside one Spring transaction join it, as in a service method of the application. */
  <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(status -> work.get());
  }

  String lockOwner() {
    return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor().getLockOwner();
  }

  @Override
  public void close() {
    context.close();
  }
}
