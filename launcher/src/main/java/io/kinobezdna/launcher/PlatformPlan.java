package io.kinobezdna.launcher;

import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.StackHome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ports and configuration of every service for one devstack home. Services get everything as Spring
 * properties, so the same values work in one JVM, in a JVM per service, or (as env vars) in
 * Kubernetes.
 */
public final class PlatformPlan {

  private final StackHome home;
  private final int gatewayPort;

  public PlatformPlan(StackHome home, int gatewayPort) {
    this.home = home;
    this.gatewayPort = gatewayPort;
  }

  public StackHome home() {
    return home;
  }

  public int httpPort(ServiceDefinition service) {
    return service.name().equals(ServiceCatalog.GATEWAY)
        ? gatewayPort
        : home.ports().base() + 100 + service.slot();
  }

  public String baseUrl(ServiceDefinition service) {
    return "http://127.0.0.1:" + httpPort(service);
  }

  /** The properties one service starts with, given every service running beside it. */
  public Map<String, String> properties(
      ServiceDefinition service, List<ServiceDefinition> running) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.application.name", service.name());
    properties.put("server.port", Integer.toString(httpPort(service)));
    properties.put("management.endpoint.health.probes.enabled", "true");
    properties.put("spring.main.banner-mode", "off");
    if (service.name().equals(ServiceCatalog.GATEWAY)) {
      for (InfraComponent component : Devstack.ALL) {
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
}
