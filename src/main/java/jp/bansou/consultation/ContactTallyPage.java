package jp.bansou.consultation;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The managers' page of the year's contacts per staff member and channel at /contacts/ (static/contacts/index.html). */
@Configuration(proxyBeanMethods = false)
class ContactTallyPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/contacts", "/contacts/");
    registry.addViewController("/contacts/").setViewName("forward:/contacts/index.html");
  }
}
