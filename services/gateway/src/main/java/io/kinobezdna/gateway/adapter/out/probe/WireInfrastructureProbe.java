package io.kinobezdna.gateway.adapter.out.probe;

import io.kinobezdna.gateway.application.port.InfrastructureProbe;
import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.InfraEndpoint;
import io.kinobezdna.platform.probe.ProbeKind;
import io.kinobezdna.platform.probe.ProbeResult;
import io.kinobezdna.platform.probe.WireProbe;
import java.time.Duration;

/** Probes infrastructure with the platform's wire-protocol probes. */
public final class WireInfrastructureProbe implements InfrastructureProbe {

  private final WireProbe probe;

  public WireInfrastructureProbe(Duration timeout) {
    this.probe = new WireProbe(timeout);
  }

  @Override
  public ComponentHealth probe(InfraEndpoint endpoint) {
    ProbeResult result =
        probe.check(ProbeKind.parse(endpoint.kind()), endpoint.host(), endpoint.port());
    return new ComponentHealth(
        endpoint.name(),
        endpoint.kind(),
        endpoint.target(),
        result.up(),
        result.detail(),
        result.millis());
  }
}
