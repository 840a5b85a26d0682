package jp.bansou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BansouApplication {

  public static void main(String[] args) {
    SpringApplication.run(BansouApplication.class, args);
  }
}
