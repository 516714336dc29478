package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.components.PgBouncer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and the Helm chart's values describe the same platform ./kb runs: every service
 * of {@link ServiceCatalog}, each database behind its own pgbouncer pooling as the service asks,
 * with migrations going around it, and Kafka with three replicas of which two must acknowledge. (No
 * docker or helm binary is available to the build; these files are checked as data.)
 */
class DeploymentFilesTest {

  private static final Path DEPLOY = Path.of("..", "deploy");

  private static final List<String> SERVICES =
      ServiceCatalog.ALL.stream().map(ServiceDefinition::name).toList();

  private static final List<String> DATABASE_OWNERS =
      SERVICES.stream().filter(name -> !name.equals(ServiceCatalog.GATEWAY)).toList();

  @Test
  void composeRunsEveryServiceWithItsDatabaseBehindItsOwnPgbouncer() throws IOException {
    Map<String, Map<String, Object>> services =
        map(load("compose/docker-compose.yml").get("services"));

    for (String name : SERVICES) {
      Map<String, Object> service = services.get(name);
      assertThat(service).as(name).isNotNull();
      assertThat(service.get("command")).as(name).isEqualTo(List.of("run-service", name));
      Map<String, Object> environment = map(service.get("environment"));
      assertThat(environment).as(name).containsEntry("SPRING_CONFIG_NAME", name);
      for (String other : DATABASE_OWNERS) {
        assertThat(environment)
            .as(name + " calls " + other)
            .containsEntry(
                "KB_GRPCSERVICES_" + other.toUpperCase(Locale.ROOT), "http://" + other + ":9090");
      }
    }
    for (String name : DATABASE_OWNERS) {
      PgBouncer.PoolMode pooling = ServiceCatalog.byName(name).pooling();
      Map<String, Object> environment = map(services.get(name).get("environment"));
      assertThat(environment)
          .as(name)
          .containsEntry(
              "SPRING_DATASOURCE_URL",
              "jdbc:postgresql://" + name + "-pgbouncer:6432/" + name + jdbcOptions(pooling))
          .containsEntry("SPRING_FLYWAY_URL", "jdbc:postgresql://postgres:5432/" + name);
      Map<String, Object> pgbouncer = map(services.get(name + "-pgbouncer").get("environment"));
      assertThat(pgbouncer)
          .as(name + "-pgbouncer")
          .containsEntry("DB_NAME", name)
          .containsEntry("DB_USER", name)
          .containsEntry("POOL_MODE", pooling.name().toLowerCase(Locale.ROOT))
          .containsEntry("LISTEN_PORT", "6432");
    }
    Map<String, Object> auth = map(services.get(ServiceCatalog.AUTH).get("environment"));
    Map<String, Object> catalog = map(services.get(ServiceCatalog.CATALOG).get("environment"));
    assertThat(catalog)
        .containsEntry("KB_CATALOG_MEDIA_FILESURL", "http://files:8080")
        .containsEntry("KB_CATALOG_MEDIA_AUTHURL", "http://auth:8080")
        .containsEntry("KB_CATALOG_MEDIA_PASSWORD", "${CATALOG_ACCOUNT_PASSWORD}");
    assertThat((String) auth.get("KB_AUTH_SERVICEACCOUNTS_CATALOG"))
        .startsWith("${CATALOG_ACCOUNT_PASSWORD");
    Map<String, Object> postgres = map(services.get("postgres").get("environment"));
    assertThat(((String) postgres.get("KB_DATABASES")).split(" "))
        .containsExactlyInAnyOrderElementsOf(DATABASE_OWNERS);
    Map<String, Object> gateway = map(services.get(ServiceCatalog.GATEWAY).get("environment"));
    for (String other : DATABASE_OWNERS) {
      assertThat(gateway)
          .containsEntry(
              "KB_SERVICES_" + other.toUpperCase(Locale.ROOT), "http://" + other + ":8080");
    }
  }

  @Test
  void composeKafkaKeepsThreeReplicasAndNeedsTwoForAWrite() throws IOException {
    Map<String, Map<String, Object>> services =
        map(load("compose/docker-compose.yml").get("services"));
    List<String> brokers = services.keySet().stream().filter(s -> s.startsWith("kafka-")).toList();

    assertThat(brokers).hasSize(3);
    for (String broker : brokers) {
      Map<String, Object> environment = map(services.get(broker).get("environment"));
      assertThat(environment)
          .as(broker)
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
          .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker + ":9092");
    }
  }

  @Test
  void theHelmChartDeploysEveryServiceAndTheSameKafkaDurability() throws IOException {
    Map<String, Object> values = load("helm/kinobezdna/values.yaml");
    List<Map<String, Object>> services = list(values.get("services"));

    assertThat(services)
        .extracting(s -> s.get("name"))
        .containsExactlyInAnyOrderElementsOf(SERVICES);
    assertThat(services)
        .filteredOn(s -> Boolean.TRUE.equals(s.get("database")))
        .extracting(s -> s.get("name"))
        .containsExactlyInAnyOrderElementsOf(DATABASE_OWNERS);
    for (Map<String, Object> service : services) {
      if (Boolean.TRUE.equals(service.get("database"))) {
        assertThat(service.get("pooling"))
            .as((String) service.get("name"))
            .isEqualTo(
                ServiceCatalog.byName((String) service.get("name"))
                    .pooling()
                    .name()
                    .toLowerCase(Locale.ROOT));
      }
    }
    Map<String, Object> kafka = map(values.get("kafka"));
    assertThat(kafka)
        .containsEntry("replicas", 3)
        .containsEntry("replicationFactor", 3)
        .containsEntry("minInsyncReplicas", 2);
    String servicesTemplate =
        Files.readString(DEPLOY.resolve("helm/kinobezdna/templates/services.yaml"));
    assertThat(servicesTemplate)
        .contains("POOL_MODE, value: {{ .pooling }}")
        .contains("?prepareThreshold=0")
        .contains("SPRING_FLYWAY_URL");
  }

  /** Without server-side prepared statements where a connection is shared per transaction. */
  private static String jdbcOptions(PgBouncer.PoolMode pooling) {
    return pooling == PgBouncer.PoolMode.TRANSACTION ? "?prepareThreshold=0" : "";
  }

  private static Map<String, Object> load(String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(DEPLOY.resolve(file))) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> map(Object value) {
    return (Map<String, T>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
