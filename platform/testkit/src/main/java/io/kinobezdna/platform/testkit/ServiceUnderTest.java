package io.kinobezdna.platform.testkit;

import io.kinobezdna.devstack.components.Postgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * A service's Spring Boot application started for an integration test against the devstack, with
 * the settings every IT repeated: its configuration file, queries through pgbouncer and migrations
 * straight to PostgreSQL, Kafka, Redis, the test token issuer, the addresses of the services it
 * calls. HTTP and gRPC listen on loopback ports the system picks while the servers bind (port 0),
 * so two builds on one machine never race for a port; read them back with {@link #httpBase} and
 * {@link #grpcPort}.
 */
public final class ServiceUnderTest {

  private final Class<?> application;
  private final Map<String, String> properties = new LinkedHashMap<>();

  private ServiceUnderTest(Class<?> application, String configName) {
    this.application = application;
    properties.put("spring.config.name", configName);
    properties.put("server.address", "127.0.0.1");
    properties.put("server.port", "0");
    properties.put("spring.grpc.server.address", "127.0.0.1");
    properties.put("spring.grpc.server.port", "0");
  }

  /** The application class and the name of its configuration file ({@code <name>.yaml}). */
  public static ServiceUnderTest of(Class<?> application, String configName) {
    return new ServiceUnderTest(application, configName);
  }

  /** The service's own database: queries through pgbouncer, Flyway straight to PostgreSQL. */
  public ServiceUnderTest database(Postgres.Database database) {
    properties.putAll(database.springProperties());
    return this;
  }

  public ServiceUnderTest kafka(TestInfrastructure infra) {
    return property("kb.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
  }

  public ServiceUnderTest redis(TestInfrastructure infra) {
    property("spring.data.redis.host", "127.0.0.1");
    return property("spring.data.redis.port", infra.ports().redis());
  }

  /** Verifies access tokens against the test issuer's keys. */
  public ServiceUnderTest tokensFrom(TestTokens tokens) {
    return property("kb.auth.jwks-url", tokens.jwksUrl());
  }

  /** Where the service reaches another one's gRPC port ({@code kb.grpc-services.<name>}). */
  public ServiceUnderTest grpcService(String name, int port) {
    return property("kb.grpc-services." + name, "http://127.0.0.1:" + port);
  }

  public ServiceUnderTest property(String key, Object value) {
    properties.put(key, String.valueOf(value));
    return this;
  }

  /** The command-line arguments the application is started with: they win over its yaml. */
  public List<String> arguments() {
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
  }

  public ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(application).run(arguments().toArray(String[]::new));
  }

  /** Where a started service answers HTTP, e.g. {@code http://127.0.0.1:41234}. */
  public static String httpBase(ConfigurableApplicationContext service) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  /** The port a started service's gRPC server bound. */
  public static int grpcPort(ConfigurableApplicationContext service) {
    return service.getBean(GrpcServerLifecycle.class).getPort();
  }
}
