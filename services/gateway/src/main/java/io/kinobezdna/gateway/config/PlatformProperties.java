package io.kinobezdna.gateway.config;

import io.kinobezdna.gateway.application.port.PlatformTopology;
import io.kinobezdna.gateway.domain.InfraEndpoint;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform as configured: {@code kb.infrastructure.<name>=<kind>://host:port} and {@code
 * kb.services.<name>=http://host:port}, and {@code kb.grpc-web-services.<name>=http://host:port}
 * for services that answer gRPC-Web. The launcher sets these; in Kubernetes they come from the
 * chart's environment variables ({@code KB_SERVICES_CATALOG=…}).
 */
@ConfigurationProperties("kb")
public record PlatformProperties(
    Map<String, String> infrastructure,
    Map<String, String> services,
    Map<String, String> grpcWebServices)
    implements PlatformTopology {

  public PlatformProperties {
    infrastructure = new TreeMap<>(infrastructure == null ? Map.of() : infrastructure);
    services = new TreeMap<>(services == null ? Map.of() : services);
    grpcWebServices = new TreeMap<>(grpcWebServices == null ? Map.of() : grpcWebServices);
  }

  /** Service name → where it answers gRPC-Web. */
  public Map<String, URI> grpcWebUpstreams() {
    Map<String, URI> upstreams = new TreeMap<>();
    grpcWebServices.forEach((name, url) -> upstreams.put(name, URI.create(url)));
    return upstreams;
  }

  @Override
  public List<InfraEndpoint> infrastructureEndpoints() {
    return infrastructure.entrySet().stream()
        .map(
            e -> {
              URI uri = URI.create(e.getValue());
              if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(
                    "kb.infrastructure."
                        + e.getKey()
                        + " must look like kind://host:port, was "
                        + e.getValue());
              }
              return new InfraEndpoint(e.getKey(), uri.getScheme(), uri.getHost(), uri.getPort());
            })
        .toList();
  }

  @Override
  public List<ServiceEndpoint> serviceEndpoints() {
    return services.entrySet().stream()
        .map(e -> new ServiceEndpoint(e.getKey(), URI.create(e.getValue())))
        .toList();
  }
}
