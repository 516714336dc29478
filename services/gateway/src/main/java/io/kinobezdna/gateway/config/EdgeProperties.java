package io.kinobezdna.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kb.gateway.*} for the edge: which /api paths are public, which move file bytes ({@link
 * io.kinobezdna.gateway.domain.TransferRoutes}), rate limits, and strangler-fig splits ({@code
 * kb.gateway.migrations.<service>.target / .percent}) that apply until an admin changes them at run
 * time, the origins other than the gateway's own that may call /api from a browser (CORS), and how
 * the edge reaches the services: the longest silence of a call's upstream, the connect timeout
 * (also the longest wait for a free connection), and the connections per upstream. Also: the
 * proxies in front of the gateway whose forwarding headers count, the only URLs a migration split
 * may send callers to, body limits of plain calls and of transfers, how long a request head may
 * take to arrive, how long a request body may stay silent, and how long a plain call's whole body
 * may take to arrive.
 */
@ConfigurationProperties("kb.gateway")
public record EdgeProperties(
    List<String> publicRoutes,
    List<String> transferRoutes,
    @DefaultValue RateLimits rateLimit,
    Map<String, Migration> migrations,
    List<String> corsOrigins,
    @DefaultValue("10s") Duration upstreamTimeout,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("1000") int maxConcurrentCalls,
    List<String> trustedProxies,
    List<URI> migrationTargets,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("5GB") DataSize maxTransferSize,
    @DefaultValue("10s") Duration clientReadTimeout,
    @DefaultValue("10s") Duration clientBodyTimeout,
    @DefaultValue("10s") Duration clientHeadTimeout) {

  public EdgeProperties {
    publicRoutes = publicRoutes == null ? List.of() : List.copyOf(publicRoutes);
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    migrationTargets = migrationTargets == null ? List.of() : List.copyOf(migrationTargets);
    transferRoutes = transferRoutes == null ? List.of() : List.copyOf(transferRoutes);
    migrations = migrations == null ? Map.of() : Map.copyOf(migrations);
    corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
  }

  public record RateLimits(
      @DefaultValue("50") double userPerSecond,
      @DefaultValue("100") int userBurst,
      @DefaultValue("20") double addressPerSecond,
      @DefaultValue("60") int addressBurst,
      @DefaultValue("50ms") Duration redisTimeout) {}

  public record Migration(URI target, int percent) {}
}
