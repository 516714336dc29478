package io.kinobezdna.gateway.application.port;

import io.kinobezdna.gateway.domain.InfraEndpoint;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import java.util.List;

/** What the platform consists of: the servers and services the gateway knows about. */
public interface PlatformTopology {
  List<InfraEndpoint> infrastructureEndpoints();

  List<ServiceEndpoint> serviceEndpoints();
}
