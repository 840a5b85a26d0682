package jp.bansou.staff;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page of the year's trainings and staff meetings at /trainings/ (static/trainings/index.html). */
@Configuration(proxyBeanMethods = false)
class StaffRecordsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/trainings", "/trainings/");
    registry.addViewController("/trainings/").setViewName("forward:/trainings/index.html");
  }
}
