package jp.bansou.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the startup benchmark: the Camunda Spring Boot starter and nothing of Bansō's, started
 * from Bansō's own fat jar (same libraries) with its own configuration and no models.
 */
@SpringBootApplication
public class BareStarterApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareStarterApplication.class, args);
  }
}
