package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.gateway.GatewayApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPlanTest {

  @TempDir Path dir;

  @Test
  void theGatewayLearnsEveryServerAndEveryOtherService() {
    PlatformPlan plan = new PlatformPlan(new StackHome(dir, dir, PortPlan.TEST), 27080);
    ServiceDefinition gateway = ServiceCatalog.byName("gateway");
    ServiceDefinition catalog = new ServiceDefinition("catalog", GatewayApplication.class, 3);

    Map<String, String> properties = plan.properties(gateway, List.of(catalog, gateway));

    assertThat(properties)
        .containsEntry("server.port", "27080")
        .containsEntry("spring.application.name", "gateway")
        .containsEntry("kb.infrastructure.postgres", "postgres://127.0.0.1:27432")
        .containsEntry("kb.infrastructure.kafka", "kafka://127.0.0.1:27092")
        .containsEntry("kb.infrastructure.s3", "http://127.0.0.1:27333")
        .containsEntry("kb.infrastructure.cassandra", "cassandra://127.0.0.1:27042")
        .containsEntry("kb.services.catalog", "http://127.0.0.1:27103")
        .doesNotContainKey("kb.services.gateway");
    assertThat(properties.keySet().stream().filter(k -> k.startsWith("kb.infrastructure.")))
        .hasSize(6);
  }

  @Test
  void otherServicesGetPortsFromTheirSlotAndNoRoutingTable() {
    PlatformPlan plan = new PlatformPlan(new StackHome(dir, dir, PortPlan.DEVELOPMENT), 8080);
    ServiceDefinition users = new ServiceDefinition("users", GatewayApplication.class, 2);

    assertThat(plan.httpPort(users)).isEqualTo(17102);
    assertThat(plan.baseUrl(users)).isEqualTo("http://127.0.0.1:17102");
    assertThat(plan.properties(users, List.of(users)))
        .doesNotContainKeys("kb.infrastructure.redis");
    assertThat(plan.httpPort(ServiceCatalog.byName("gateway"))).isEqualTo(8080);
  }
}
