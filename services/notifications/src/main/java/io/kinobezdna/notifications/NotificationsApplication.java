package io.kinobezdna.notifications;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationsApplication {

  /** The service's configuration file ({@value}.yaml): see GatewayApplication. */
  public static final String CONFIG_NAME = "notifications";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(NotificationsApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
