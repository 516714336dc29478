package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.gateway.GatewayApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class PlatformPlanTest {

  @TempDir Path dir;

  /** A service's database as the plan sees it: direct and pooled addresses, its own password. */
  private static Postgres.Database database(ServiceDefinition service) {
    String name = service.name();
    return new Postgres.Database(
        name, "jdbc:postgresql://db/" + name, "jdbc:postgresql://pool/" + name, name, "pw-" + name);
  }

  @Test
  void theGatewayLearnsEveryServerAndEveryOtherService() {
    PlatformPlan plan = new PlatformPlan(new StackHome(dir, dir, PortPlan.TEST), 27080);
    ServiceDefinition gateway = ServiceCatalog.byName("gateway");
    ServiceDefinition catalog = new ServiceDefinition("catalog", GatewayApplication.class, 3);

    Map<String, String> properties = plan.properties(gateway, List.of(catalog, gateway));

    assertThat(properties)
        .containsEntry("server.port", "27080")
        .containsEntry("spring.application.name", "gateway")
        .containsEntry("kb.gateway.event-loops", "1")
        .containsEntry("kb.infrastructure.postgres", "postgres://127.0.0.1:27432")
        .containsEntry("kb.infrastructure.kafka", "kafka://127.0.0.1:27092")
        .containsEntry("kb.infrastructure.s3", "http://127.0.0.1:27333")
        .containsEntry("kb.infrastructure.cassandra", "cassandra://127.0.0.1:27042")
        .containsEntry("kb.infrastructure.zipkin", "http://127.0.0.1:27411")
        .containsEntry("kb.status.traces-url", "http://127.0.0.1:27411/zipkin/")
        .containsEntry(
            "management.tracing.export.zipkin.endpoint", "http://127.0.0.1:27411/api/v2/spans")
        .containsEntry("kb.services.catalog", "http://127.0.0.1:27103")
        .containsEntry("kb.grpc-services.catalog", "http://127.0.0.1:27203")
        .doesNotContainKey("kb.services.gateway")
        .doesNotContainKey("kb.grpc-services.gateway");
    assertThat(properties.keySet().stream().filter(k -> k.startsWith("kb.infrastructure.")))
        .hasSize(8);
  }

  @Test
  void withoutTracingNoZipkinIsStartedWatchedOrSentSpans() {
    PlatformPlan plan =
        new PlatformPlan(new StackHome(dir, dir, PortPlan.TEST), 27080, PlatformPlanTest::database)
            .withoutTracing();
    ServiceDefinition gateway = ServiceCatalog.byName("gateway");
    ServiceDefinition catalog = new ServiceDefinition("catalog", GatewayApplication.class, 3);

    assertThat(plan.infrastructure()).extracting(InfraComponent::name).doesNotContain("zipkin");
    assertThat(plan.properties(gateway, List.of(catalog, gateway)))
        .doesNotContainKeys(
            "kb.infrastructure.zipkin",
            "kb.status.traces-url",
            "management.tracing.export.zipkin.endpoint");
    assertThat(plan.properties(catalog, List.of(catalog, gateway)))
        .doesNotContainKey("management.tracing.export.zipkin.endpoint")
        .containsEntry("management.tracing.sampling.probability", "1.0");
  }

  @Test
  void otherServicesGetPortsFromTheirSlotTheirOwnDatabaseAndNoRoutingTable() {
    PlatformPlan plan =
        new PlatformPlan(
            new StackHome(dir, dir, PortPlan.DEVELOPMENT), 8080, PlatformPlanTest::database);
    ServiceDefinition users = new ServiceDefinition("users", GatewayApplication.class, 2);
    ServiceDefinition auth = ServiceCatalog.byName("auth");

    assertThat(plan.httpPort(users)).isEqualTo(17102);
    assertThat(plan.baseUrl(users)).isEqualTo("http://127.0.0.1:17102");
    Map<String, String> properties = plan.properties(users, List.of(auth, users));
    assertThat(properties)
        .doesNotContainKeys("kb.infrastructure.redis", "kb.auth.demo-password")
        .containsEntry("spring.datasource.url", "jdbc:postgresql://pool/users")
        .containsEntry("spring.flyway.url", "jdbc:postgresql://db/users")
        .containsEntry("spring.flyway.user", "users")
        .containsEntry("spring.flyway.password", "pw-users")
        .containsEntry("spring.grpc.server.port", "17202")
        .containsEntry("spring.datasource.password", "pw-users")
        .containsEntry("spring.data.redis.port", "17379")
        .containsEntry("kb.kafka.bootstrap-servers", "127.0.0.1:17092")
        .containsEntry("kb.auth.jwks-url", "http://127.0.0.1:17101/jwks")
        // only the edge listens beyond loopback; the proxy is the gateway's alone
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("spring.grpc.server.address", "127.0.0.1")
        .containsEntry("spring.cloud.gateway.server.webflux.enabled", "false")
        .containsEntry("spring.autoconfigure.exclude", PlatformPlan.SERVICE_EXCLUDES);
    ServiceDefinition gateway = ServiceCatalog.byName("gateway");
    assertThat(plan.properties(gateway, List.of(auth, users, gateway)))
        .doesNotContainKey("server.address")
        .containsEntry("management.server.port", "17100");
    assertThat(plan.managementUrl(gateway)).isEqualTo("http://127.0.0.1:17100");
    assertThat(plan.managementUrl(users)).isEqualTo("http://127.0.0.1:17102");
    assertThat(plan.properties(auth, List.of(auth, users)))
        .containsEntry("kb.auth.demo-password", plan.demoPassword());
    assertThat(plan.demoPassword()).hasSize(32);
    assertThat(plan.httpPort(ServiceCatalog.byName("gateway"))).isEqualTo(8080);
  }

  @Test
  void catalogStoresItsMediaInFilesAsAnAccountAuthCreatesWhenBothRun() {
    StackHome home = new StackHome(dir, dir, PortPlan.TEST);
    PlatformPlan plan = new PlatformPlan(home, 27080, PlatformPlanTest::database);
    ServiceDefinition auth = ServiceCatalog.byName("auth");
    ServiceDefinition catalog = ServiceCatalog.byName("catalog");
    ServiceDefinition files = ServiceCatalog.byName("files");

    Map<String, String> catalogProperties = plan.properties(catalog, List.of(auth, catalog, files));
    Map<String, String> authProperties = plan.properties(auth, List.of(auth, catalog, files));

    String password = catalogProperties.get("kb.catalog.media.password");
    assertThat(password).hasSize(32);
    assertThat(catalogProperties)
        .containsEntry("kb.catalog.media.files-url", "http://127.0.0.1:27105")
        .containsEntry("kb.catalog.media.auth-url", "http://127.0.0.1:27101")
        .containsEntry("kb.catalog.media.account", "catalog@services.kinobezdna.local");
    assertThat(authProperties).containsEntry("kb.auth.service-accounts.catalog", password);
    assertThat(authProperties.get("kb.auth.key-encryption-key"))
        .as("generated once per home, like the other secrets")
        .hasSize(32)
        .isEqualTo(home.secret("auth.key-encryption-key"));
    assertThat(plan.properties(catalog, List.of(auth, catalog)))
        .doesNotContainKeys("kb.catalog.media.files-url", "kb.catalog.media.password");
    assertThat(plan.properties(auth, List.of(auth, catalog)))
        .doesNotContainKey("kb.auth.service-accounts.catalog");
  }

  @Test
  void filesIsToldWhereTheObjectStoreIsAndItsKeys() {
    StackHome home = new StackHome(dir, dir, PortPlan.TEST);
    PlatformPlan plan = new PlatformPlan(home, 27080, PlatformPlanTest::database);
    ServiceDefinition files = ServiceCatalog.byName("files");

    assertThat(plan.properties(files, List.of(files)))
        .containsEntry("kb.files.s3.endpoint", "http://127.0.0.1:27333")
        .containsEntry("kb.files.s3.access-key", "kinobezdna")
        .containsEntry("kb.files.s3.secret-key", home.secret("s3.secret-key"));
  }

  @Test
  void aSeparateServiceGetsItsSecretsThroughItsEnvironmentNotItsCommandLine() {
    StackHome home = new StackHome(dir, dir, PortPlan.TEST);
    PlatformPlan plan = new PlatformPlan(home, 27080, PlatformPlanTest::database);
    ServiceDefinition files = ServiceCatalog.byName("files");
    Map<String, String> properties = plan.properties(files, List.of(files));
    String secret = properties.get("kb.files.s3.secret-key");

    Launch launch = new SeparateJvmServiceRunner(home, plan).launch(files, properties);

    // what ps shows every local user
    assertThat(String.join(" ", launch.command())).doesNotContain(secret);
    Map<String, Object> passed =
        JsonMapper.builder()
            .build()
            .readValue(
                launch.environment().get("SPRING_APPLICATION_JSON"), new TypeReference<>() {});
    assertThat(passed).isEqualTo(properties);
  }
}
