package io.kinobezdna.gateway.application.port;

import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.InfraEndpoint;

/** Checks one infrastructure server in its own protocol. */
public interface InfrastructureProbe {
  ComponentHealth probe(InfraEndpoint endpoint);
}
