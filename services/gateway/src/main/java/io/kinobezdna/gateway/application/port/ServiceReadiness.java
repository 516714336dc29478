package io.kinobezdna.gateway.application.port;

import io.kinobezdna.gateway.domain.ComponentHealth;
import io.kinobezdna.gateway.domain.ServiceEndpoint;

/** Asks one service whether it is ready to take traffic. */
public interface ServiceReadiness {
  ComponentHealth check(ServiceEndpoint service);
}
