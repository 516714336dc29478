package io.kinobezdna.orders;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrdersApplication {

  /** The service's configuration file ({@value}.yaml): see GatewayApplication. */
  public static final String CONFIG_NAME = "orders";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(OrdersApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
