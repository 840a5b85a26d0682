package jp.bansou.casefile;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The case file page at a short address: /casefile/?id=… (static/casefile/index.html). */
@Configuration(proxyBeanMethods = false)
class CaseFilePage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/casefile", "/casefile/");
    registry.addViewController("/casefile/").setViewName("forward:/casefile/index.html");
  }
}
