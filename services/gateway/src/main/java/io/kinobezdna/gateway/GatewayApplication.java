package io.kinobezdna.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: the apps, /api routing to services, and the platform status. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /**
   * The service's configuration file ({@value}.yaml, not application.yaml): every service shares
   * one classpath when ./kb runs them in one JVM, so each file needs its own name.
   */
  public static final String CONFIG_NAME = "gateway";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(GatewayApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
