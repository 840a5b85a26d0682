package jp.bansou.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The report page at /kpi/, the address managers and auditors bookmark next to Cockpit. */
@Configuration(proxyBeanMethods = false)
class KpiPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/kpi", "/kpi/");
    registry.addViewController("/kpi/").setViewName("forward:/kpi/index.html");
  }
}
