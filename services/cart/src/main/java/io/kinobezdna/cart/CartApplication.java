package io.kinobezdna.cart;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CartApplication {

  /** The service's configuration file ({@value}.yaml): see GatewayApplication. */
  public static final String CONFIG_NAME = "cart";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(CartApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    application.run(args);
  }
}
