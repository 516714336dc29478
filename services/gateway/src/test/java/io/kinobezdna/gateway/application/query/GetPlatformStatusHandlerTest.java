package io.kinobezdna.gateway.application.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.gateway.application.port.PlatformTopology;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.InfraEndpoint;
import io.kinobezdna.gateway.domain.PlatformStatus;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GetPlatformStatusHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private final PlatformTopology topology =
      new PlatformTopology() {
        @Override
        public List<InfraEndpoint> infrastructureEndpoints() {
          return List.of(
              new InfraEndpoint("postgres", "postgres", "127.0.0.1", 1),
              new InfraEndpoint("kafka", "kafka", "127.0.0.1", 2));
        }

        @Override
        public List<ServiceEndpoint> serviceEndpoints() {
          return List.of(new ServiceEndpoint("catalog", URI.create("http://127.0.0.1:3")));
        }
      };

  private GetPlatformStatusHandler handler(Set<String> down) {
    return new GetPlatformStatusHandler(
        topology,
        endpoint -> health(endpoint.name(), endpoint.kind(), !down.contains(endpoint.name())),
        service -> health(service.name(), "service", !down.contains(service.name())),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ComponentHealth health(String name, String kind, boolean up) {
    return new ComponentHealth(name, kind, "somewhere", up, up ? "fine" : "refused", 1);
  }

  @Test
  void everythingUpIsUpAndTheGatewayReportsItself() {
    PlatformStatus status = handler(Set.of()).handle(new GetPlatformStatus());

    assertThat(status.allUp()).isTrue();
    assertThat(status.checkedAt()).isEqualTo(NOW);
    assertThat(status.infrastructure())
        .extracting(ComponentHealth::name)
        .containsExactly("postgres", "kafka");
    assertThat(status.services())
        .extracting(ComponentHealth::name)
        .containsExactly("gateway", "catalog");
  }

  @Test
  void oneServerDownMakesThePlatformDegradedAndSaysWhich() {
    PlatformStatus status = handler(Set.of("kafka")).handle(new GetPlatformStatus());

    assertThat(status.allUp()).isFalse();
    assertThat(status.infrastructure())
        .filteredOn(h -> !h.up())
        .singleElement()
        .satisfies(h -> assertThat(h.detail()).isEqualTo("refused"))
        .extracting(ComponentHealth::name)
        .isEqualTo("kafka");
  }

  @Test
  void aServiceDownAlsoDegradesThePlatform() {
    assertThat(handler(Set.of("catalog")).handle(new GetPlatformStatus()).allUp()).isFalse();
  }
}
