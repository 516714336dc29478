package io.kinobezdna.gateway;

import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway application started for a test: a free port, the devstack's Redis, and more. */
record TestGateway(ConfigurableApplicationContext context, int port) implements AutoCloseable {

  /** Starts the gateway with these command-line arguments on top of the common ones. */
  static TestGateway start(String... arguments) {
    List<String> all =
        new ArrayList<>(
            List.of("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0"));
    // the devstack's Redis, unless the test brings its own
    if (Arrays.stream(arguments).noneMatch(a -> a.startsWith("--spring.data.redis.port="))) {
      all.add("--spring.data.redis.port=" + TestInfrastructure.ensure("redis").ports().redis());
    }
    all.addAll(List.of(arguments));
    ConfigurableApplicationContext context =
        // arguments, not .properties(): those are defaults, which gateway.yaml outranks
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME)
            .run(all.toArray(String[]::new));
    return new TestGateway(
        context, ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** Where the gateway's actuator answers (loopback, a port of its own). */
  int managementPort() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
  }

  @Override
  public void close() {
    context.close();
  }
}
