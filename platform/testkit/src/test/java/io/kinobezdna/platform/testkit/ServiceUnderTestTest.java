package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.components.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class ServiceUnderTestTest {

  private static final Postgres.Database ORDERS =
      new Postgres.Database(
          "orders",
          "jdbc:postgresql://127.0.0.1:27432/orders",
          "jdbc:postgresql://127.0.0.1:27433/orders?prepareThreshold=0",
          "orders",
          "secret");

  /** An application with nothing in it: enough to see what the environment holds. */
  @Configuration(proxyBeanMethods = false)
  static class EmptyService {}

  @Test
  void aServiceQueriesThroughPgbouncerMigratesDirectlyAndListensOnPortsTheSystemPicks() {
    try (TestTokens tokens = new TestTokens()) {
      ServiceUnderTest service =
          ServiceUnderTest.of(EmptyService.class, "empty")
              .database(ORDERS)
              .tokensFrom(tokens)
              .grpcService("catalog", 4242)
              .property("kb.orders.premiere-seats", 3);

      assertThat(service.arguments())
          .contains(
              "--spring.config.name=empty",
              "--server.port=0",
              "--spring.grpc.server.port=0",
              "--server.address=127.0.0.1",
              "--spring.datasource.url=" + ORDERS.pooledJdbcUrl(),
              "--spring.flyway.url=" + ORDERS.jdbcUrl(),
              "--spring.flyway.password=secret",
              "--kb.auth.jwks-url=" + tokens.jwksUrl(),
              "--kb.grpc-services.catalog=http://127.0.0.1:4242",
              "--kb.orders.premiere-seats=3");
    }
  }

  @Test
  void theStartedApplicationSeesEverySettingAsACommandLineArgument() {
    try (ConfigurableApplicationContext started =
        ServiceUnderTest.of(EmptyService.class, "empty")
            .database(ORDERS)
            .property("kb.orders.premiere-seats", 3)
            .property("spring.main.web-application-type", "none")
            .start()) {
      assertThat(started.getEnvironment().getProperty("spring.datasource.url"))
          .isEqualTo(ORDERS.pooledJdbcUrl());
      assertThat(started.getEnvironment().getProperty("kb.orders.premiere-seats", Integer.class))
          .isEqualTo(3);
    }
  }
}
