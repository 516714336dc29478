package io.kinobezdna.launcher;

import io.kinobezdna.auth.adapter.in.startup.AccountsSeeder;
import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.devstack.components.S3;
import io.kinobezdna.devstack.components.Zipkin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ports and configuration of every service for one devstack home. Services get everything as Spring
 * properties, so the same values work in one JVM, in a JVM per service, or (as env vars) in
 * Kubernetes.
 */
public final class PlatformPlan {

  private final StackHome home;
  private final int gatewayPort;

  private final Function<ServiceDefinition, Postgres.Database> databases;
  private final boolean tracing;

  public PlatformPlan(StackHome home, int gatewayPort) {
    this(home, gatewayPort, service -> Postgres.database(home, service.name(), service.pooling()));
  }

  /**
   * @param databases a service's own database and login, created on first use
   */
  public PlatformPlan(
      StackHome home, int gatewayPort, Function<ServiceDefinition, Postgres.Database> databases) {
    this(home, gatewayPort, databases, true);
  }

  private PlatformPlan(
      StackHome home,
      int gatewayPort,
      Function<ServiceDefinition, Postgres.Database> databases,
      boolean tracing) {
    this.home = home;
    this.gatewayPort = gatewayPort;
    this.databases = databases;
    this.tracing = tracing;
  }

  /** The same plan without Zipkin: services keep their trace ids in logs but send no spans. */
  public PlatformPlan withoutTracing() {
    return new PlatformPlan(home, gatewayPort, databases, false);
  }

  public boolean tracing() {
    return tracing;
  }

  /** The infrastructure servers this plan needs: all of them, Zipkin only with tracing. */
  public List<InfraComponent> infrastructure() {
    return Devstack.ALL.stream()
        .filter(component -> tracing || !component.name().equals(Zipkin.NAME))
        .toList();
  }

  /**
   * The gateway owns no database: the JDBC pieces other services bring must stay off in it. Its
   * management port is a Netty child context; Tomcat's, which the servlet services bring onto the
   * shared classpath, would claim the same bean.
   */
  static final String GATEWAY_EXCLUDES =
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
          + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
          + "org.springframework.boot.tomcat.autoconfigure.actuate.web.server"
          + ".TomcatReactiveManagementContextAutoConfiguration";

  /**
   * The gateway's Redis rate limiter would wake up wherever Redis is: only the gateway wants it.
   */
  static final String SERVICE_EXCLUDES =
      "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration";

  private String catalogAccountPassword() {
    return home.secret("auth.service-account.catalog");
  }

  /** The password of the demo accounts: generated once per home, printed by ./kb up. */
  public String demoPassword() {
    return home.secret("auth.demo-password");
  }

  public StackHome home() {
    return home;
  }

  public int httpPort(ServiceDefinition service) {
    return service.name().equals(ServiceCatalog.GATEWAY)
        ? gatewayPort
        : home.ports().base() + 100 + service.slot();
  }

  /** Where a service serves gRPC (base + 200 + slot). */
  public int grpcPort(ServiceDefinition service) {
    return home.ports().base() + 200 + service.slot();
  }

  public String baseUrl(ServiceDefinition service) {
    return "http://127.0.0.1:" + httpPort(service);
  }

  /**
   * Where a service's actuator answers: its own port, except the gateway's, which has a loopback
   * port of its own (base + 100, the slot its HTTP port does not use) so the edge never serves it.
   */
  public String managementUrl(ServiceDefinition service) {
    return service.name().equals(ServiceCatalog.GATEWAY)
        ? "http://127.0.0.1:" + (home.ports().base() + 100 + service.slot())
        : baseUrl(service);
  }

  /** The properties one service starts with, given every service running beside it. */
  public Map<String, String> properties(
      ServiceDefinition service, List<ServiceDefinition> running) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.application.name", service.name());
    // <service>.yaml: one classpath holds every service's configuration file.
    properties.put("spring.config.name", service.name());
    properties.put("server.port", Integer.toString(httpPort(service)));
    properties.put("spring.grpc.server.port", Integer.toString(grpcPort(service)));
    properties.put("management.endpoint.health.probes.enabled", "true");
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.data.redis.host", "127.0.0.1");
    properties.put("spring.data.redis.port", Integer.toString(home.ports().redis()));
    properties.put("kb.kafka.bootstrap-servers", "127.0.0.1:" + home.ports().kafka());
    // every request traced on a developer's platform (production samples: the chart's setting)
    properties.put("management.tracing.sampling.probability", "1.0");
    // a request's trace is in Zipkin a second later, not five
    properties.put("management.opentelemetry.tracing.export.schedule-delay", "1s");
    if (tracing) { // spans are sent only where this says (platform TracingDefaults)
      properties.put("management.tracing.export.zipkin.endpoint", Zipkin.spansUrl(home.ports()));
    }
    Optional<ServiceDefinition> auth = find(running, ServiceCatalog.AUTH);
    auth.ifPresent(a -> properties.put("kb.auth.jwks-url", baseUrl(a) + "/jwks"));
    Optional<ServiceDefinition> files = find(running, ServiceCatalog.FILES);
    // catalog stores its demo media in files as public files of its own account
    boolean catalogStoresMedia =
        auth.isPresent() && files.isPresent() && find(running, ServiceCatalog.CATALOG).isPresent();
    if (service.name().equals(ServiceCatalog.AUTH)) {
      properties.put("kb.auth.demo-password", demoPassword());
      properties.put("kb.auth.key-encryption-key", home.secret("auth.key-encryption-key"));
      if (catalogStoresMedia) {
        properties.put("kb.auth.service-accounts.catalog", catalogAccountPassword());
      }
    }
    if (service.name().equals(ServiceCatalog.CATALOG)) {
      properties.put("kb.catalog.media-directory", home.dataDir("catalog-media").toString());
      if (catalogStoresMedia) {
        properties.put("kb.catalog.media.files-url", baseUrl(files.get()));
        properties.put("kb.catalog.media.auth-url", baseUrl(auth.get()));
        properties.put("kb.catalog.media.account", AccountsSeeder.serviceAccountEmail("catalog"));
        properties.put("kb.catalog.media.password", catalogAccountPassword());
      }
    }
    if (service.name().equals(ServiceCatalog.FILES)) {
      properties.put("kb.files.s3.endpoint", "http://127.0.0.1:" + home.ports().s3());
      properties.put("kb.files.s3.access-key", S3.ACCESS_KEY);
      properties.put("kb.files.s3.secret-key", home.secret("s3.secret-key"));
    }
    // Every service's gRPC port, for the services that call others.
    for (ServiceDefinition other : running) {
      if (!other.name().equals(ServiceCatalog.GATEWAY)) {
        properties.put("kb.grpc-services." + other.name(), "http://127.0.0.1:" + grpcPort(other));
      }
    }
    // Every service shares the launcher's classpath: switch off what belongs to another kind.
    if (service.name().equals(ServiceCatalog.GATEWAY)) {
      properties.put("spring.autoconfigure.exclude", GATEWAY_EXCLUDES);
      properties.put(
          "management.server.port", managementUrl(service).substring("http://127.0.0.1:".length()));
    } else {
      // only the edge listens beyond loopback
      properties.put("server.address", "127.0.0.1");
      properties.put("spring.grpc.server.address", "127.0.0.1");
      // the proxy and its Redis wiring belong to the gateway
      properties.put("spring.cloud.gateway.server.webflux.enabled", "false");
      properties.put("spring.autoconfigure.exclude", SERVICE_EXCLUDES);
      properties.putAll(databases.apply(service).springProperties());
    }
    if (service.name().equals(ServiceCatalog.GATEWAY)) {
      // It shares the machine's cores with every service: one loop proxies thousands of requests a
      // second, with more events per wake-up than several (ADR 0008).
      properties.put("kb.gateway.event-loops", "1");
      if (tracing) {
        properties.put("kb.status.traces-url", Zipkin.uiUrl(home.ports()));
      }
      for (InfraComponent component : infrastructure()) {
        properties.put(
            "kb.infrastructure." + component.name(),
            component.probeKind().name().toLowerCase(Locale.ROOT)
                + "://127.0.0.1:"
                + component.port(home.ports()));
      }
      for (ServiceDefinition other : running) {
        if (!other.name().equals(ServiceCatalog.GATEWAY)) {
          properties.put("kb.services." + other.name(), baseUrl(other));
        }
      }
    }
    return properties;
  }

  private static Optional<ServiceDefinition> find(List<ServiceDefinition> running, String name) {
    return running.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
