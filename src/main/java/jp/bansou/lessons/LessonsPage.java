package jp.bansou.lessons;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The staff's search of lessons by industry, topic and free text at /lessons/ (static/lessons/index.html). */
@Configuration(proxyBeanMethods = false)
class LessonsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/lessons", "/lessons/");
    registry.addViewController("/lessons/").setViewName("forward:/lessons/index.html");
  }
}
