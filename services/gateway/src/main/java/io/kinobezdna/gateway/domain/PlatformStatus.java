package io.kinobezdna.gateway.domain;

import java.time.Instant;
import java.util.List;

/** Every infrastructure server and every service, checked at one moment. */
public record PlatformStatus(
    Instant checkedAt, List<ComponentHealth> infrastructure, List<ComponentHealth> services) {

  public PlatformStatus {
    infrastructure = List.copyOf(infrastructure);
    services = List.copyOf(services);
  }

  public boolean allUp() {
    return infrastructure.stream().allMatch(ComponentHealth::up)
        && services.stream().allMatch(ComponentHealth::up);
  }
}
