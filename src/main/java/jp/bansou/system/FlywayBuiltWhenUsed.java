package jp.bansou.system;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Makes Spring Boot's Flyway bean lazy: built only when {@link MigrateOnlyWhenBehind} finds something to migrate.
 * Building it (its configuration, its database and plugin look-ups) took a quarter of a second of every restart
 * for a schema that changes once a release (docs/performance.md "Restart", ADR 0108).
 *
 * <p>Spring Boot makes every bean that uses the database depend on each database initializer it detects, the
 * Flyway bean among them, which would build it at once; those beans keep their dependency on {@link
 * MigrateOnlyWhenBehind}, the initializer that migrates, so nothing reads the registry before it is migrated. This
 * runs after Spring Boot's post-processor (an unordered one runs after the ordered ones).
 */
@Component
class FlywayBuiltWhenUsed implements BeanFactoryPostProcessor {

  /** The name Spring Boot's Flyway auto-configuration gives its bean. */
  static final String FLYWAY = "flyway";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
    if (!factory.containsBeanDefinition(FLYWAY)) {
      return;
    }
    factory.getBeanDefinition(FLYWAY).setLazyInit(true);
    for (String name : factory.getBeanDefinitionNames()) {
      BeanDefinition definition = factory.getBeanDefinition(name);
      String[] dependsOn = definition.getDependsOn();
      if (dependsOn != null && Arrays.asList(dependsOn).contains(FLYWAY)) {
        definition.setDependsOn(Arrays.stream(dependsOn).filter(bean -> !bean.equals(FLYWAY)).toArray(String[]::new));
      }
    }
  }
}
