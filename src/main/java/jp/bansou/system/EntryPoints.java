package jp.bansou.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Advisors spend their day in Tasklist, so the bare address leads there rather than to Camunda's welcome page. */
@Configuration(proxyBeanMethods = false)
class EntryPoints implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/camunda/app/tasklist/");
  }
}
