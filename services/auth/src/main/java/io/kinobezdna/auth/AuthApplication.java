package io.kinobezdna.auth;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuthApplication {

  /**
   * The service's configuration file ({@value}.yaml, not application.yaml): every service shares
   * one classpath when ./kb runs them in one JVM, so each file needs its own name.
   */
  public static final String CONFIG_NAME = "auth";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(AuthApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
