package io.kinobezdna.gateway.config;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.kinobezdna.gateway.adapter.in.web.EdgeAuthenticationFilter;
import io.kinobezdna.gateway.adapter.in.web.GrpcWebBridge;
import io.kinobezdna.gateway.adapter.in.web.MigrationRoutingFilter;
import io.kinobezdna.gateway.adapter.in.web.RateLimitFilter;
import io.kinobezdna.gateway.adapter.out.http.ActuatorReadinessClient;
import io.kinobezdna.gateway.adapter.out.probe.WireInfrastructureProbe;
import io.kinobezdna.gateway.adapter.out.redis.RedisMigrationSplits;
import io.kinobezdna.gateway.adapter.out.redis.RedisRateLimiter;
import io.kinobezdna.gateway.application.command.ChangeMigrationSplitHandler;
import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.application.query.GetPlatformStatusHandler;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.kinobezdna.gateway.domain.PublicRoutes;
import io.kinobezdna.gateway.domain.RateLimit;
import io.kinobezdna.gateway.domain.ServiceEndpoint;
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/** Wires the use cases to their adapters, and one /api route per configured service. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Verifies tokens against auth's JWKS. Without a configured JWKS URL (auth not running) no token
   * can be verified, so every protected route answers 401.
   */
  @Bean
  JwtVerifier jwtVerifier(
      @Value("${kb.auth.jwks-url:}") String jwksUrl,
      @Value("${kb.auth.audience:kinobezdna}") String audience) {
    if (jwksUrl.isBlank()) {
      return new JwtVerifier((selector, context) -> List.of(), audience);
    }
    return new JwtVerifier(URI.create(jwksUrl), audience, Duration.ofMinutes(5));
  }

  @Bean
  @Order(-20)
  EdgeAuthenticationFilter edgeAuthenticationFilter(
      JwtVerifier verifier, EdgeProperties edge, TransferRoutes transfers) {
    return new EdgeAuthenticationFilter(verifier, new PublicRoutes(edge.publicRoutes()), transfers);
  }

  /** Which requests move file bytes: the edge filter and the routes both ask it. */
  @Bean
  TransferRoutes transferRoutes(EdgeProperties edge) {
    return new TransferRoutes(edge.transferRoutes());
  }

  @Bean
  @Order(-10)
  RateLimitFilter rateLimitFilter(ReactiveStringRedisTemplate redis, EdgeProperties edge) {
    EdgeProperties.RateLimits limits = edge.rateLimit();
    return new RateLimitFilter(
        new RedisRateLimiter(redis),
        new RateLimit(limits.userPerSecond(), limits.userBurst()),
        new RateLimit(limits.addressPerSecond(), limits.addressBurst()));
  }

  @Bean(destroyMethod = "close")
  RedisMigrationSplits migrationSplits(ReactiveStringRedisTemplate redis, EdgeProperties edge) {
    List<MigrationSplit> configured =
        edge.migrations().entrySet().stream()
            .map(e -> new MigrationSplit(e.getKey(), e.getValue().target(), e.getValue().percent()))
            .toList();
    return new RedisMigrationSplits(redis, configured, Duration.ofSeconds(2));
  }

  @Bean
  MigrationRoutingFilter migrationRoutingFilter(MigrationSplits splits, MeterRegistry meters) {
    return new MigrationRoutingFilter(splits, meters);
  }

  @Bean
  ChangeMigrationSplitHandler changeMigrationSplitHandler(
      MigrationSplits splits, PlatformProperties platform) {
    return new ChangeMigrationSplitHandler(splits, platform);
  }

  @Bean
  GetPlatformStatusHandler getPlatformStatusHandler(
      PlatformProperties platform,
      Clock clock,
      @Value("${kb.status.timeout:2s}") Duration timeout) {
    return new GetPlatformStatusHandler(
        platform,
        new WireInfrastructureProbe(timeout),
        new ActuatorReadinessClient(timeout),
        clock);
  }

  /**
   * {@code /api/<service>/rest} goes to {@code <service-url>/rest} (the caller was already checked
   * by {@link EdgeAuthenticationFilter}), and on the way: safe methods are retried on connection
   * failures and 502/503/504, and a circuit breaker per service turns failures, timeouts and an
   * open circuit into a 503 problem at once.
   *
   * <p>Streams (WebSocket upgrades and server-sent events) and transfers (uploads and media, see
   * {@link TransferRoutes}) take a route of their own to the same service without breaker, retries
   * or response timeout: those are for calls that end quickly, and would cut a stream that is meant
   * to stay open or a 2 GiB upload.
   */
  @Bean
  RouteLocator serviceRoutes(
      RouteLocatorBuilder builder, PlatformProperties platform, TransferRoutes transfers) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (ServiceEndpoint service : platform.serviceEndpoints()) {
      String prefix = "/api/" + service.name() + "/";
      routes.route(
          service.name() + STREAM_ROUTE_SUFFIX,
          r ->
              r.order(-1)
                  .path(prefix + "**")
                  .and()
                  .predicate(
                      exchange ->
                          isStream(exchange)
                              || transfers.isTransfer(
                                  exchange.getRequest().getMethod().name(),
                                  exchange.getRequest().getPath().value()))
                  .filters(f -> f.rewritePath(prefix + "?(?<rest>.*)", "/${rest}"))
                  .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
                  .metadata(MigrationRoutingFilter.SERVICE_METADATA, service.name())
                  .uri(service.baseUrl()));
      routes.route(
          service.name(),
          r ->
              r.path(prefix + "**")
                  .filters(
                      f ->
                          f.rewritePath(prefix + "?(?<rest>.*)", "/${rest}")
                              // where the service is seen from outside (its OpenAPI document
                              // names it as the server for swagger-ui's "try it out"); not an
                              // X-Forwarded-* header, which the gateway drops for untrusted hops
                              .setRequestHeader("X-Gateway-Prefix", "/api/" + service.name())
                              .circuitBreaker(
                                  cb ->
                                      cb.setName(service.name())
                                          .setFallbackUri("forward:/fallback/" + service.name())
                                          .setStatusCodes(UPSTREAM_FAILURES))
                              .retry(
                                  retry ->
                                      retry
                                          .setRetries(2)
                                          .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                          .setStatuses(
                                              HttpStatus.BAD_GATEWAY,
                                              HttpStatus.SERVICE_UNAVAILABLE,
                                              HttpStatus.GATEWAY_TIMEOUT)
                                          .setBackoff(
                                              Duration.ofMillis(50),
                                              Duration.ofMillis(400),
                                              2,
                                              false)))
                  .metadata(MigrationRoutingFilter.SERVICE_METADATA, service.name())
                  .uri(service.baseUrl()));
    }
    return routes.build();
  }

  static final String STREAM_ROUTE_SUFFIX = "-streams";

  /** A WebSocket upgrade or a request for server-sent events. */
  static boolean isStream(ServerWebExchange exchange) {
    return EdgeAuthenticationFilter.isStream(exchange.getRequest());
  }

  /** gRPC-Web for every service with a gRPC port ({@code kb.grpc-services.<name>}). */
  @Bean
  @Order(-5)
  GrpcWebBridge grpcWebBridge(PlatformProperties platform) {
    return new GrpcWebBridge(platform.grpcUpstreams());
  }

  /**
   * How many calls may be in flight to one upstream at once ({@code
   * kb.gateway.max-concurrent-calls}). Spring Cloud CircuitBreaker puts a Resilience4j bulkhead
   * around every breaker with a default of 25, and a call it refuses counts as an upstream failure:
   * a burst of slow-but-healthy calls would open the breaker. The limit stays, as a bound on what
   * one stuck upstream can hold.
   */
  @Bean
  Customizer<ReactiveResilience4jBulkheadProvider> bulkheadDefaults(
      @Value("${kb.gateway.max-concurrent-calls:1000}") int maxConcurrentCalls) {
    return provider ->
        provider.configureDefault(
            id ->
                new Resilience4jBulkheadConfigurationBuilder()
                    .bulkheadConfig(
                        BulkheadConfig.custom()
                            .maxConcurrentCalls(maxConcurrentCalls)
                            .maxWaitDuration(Duration.ZERO)
                            .build())
                    .build());
  }

  /** Upstream answers that count as failures for the circuit breaker. */
  static final Set<String> UPSTREAM_FAILURES = Set.of("500", "502", "503", "504");

  /**
   * Breaker defaults for every upstream: judged over the last 20 calls (at least 5), open at 50 %
   * failures or slow calls, retry after {@code kb.gateway.breaker.open-for}; a call taking longer
   * than {@code kb.gateway.upstream-timeout} fails.
   */
  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> breakerDefaults(
      @Value("${kb.gateway.breaker.open-for:10s}") Duration openFor,
      @Value("${kb.gateway.upstream-timeout:10s}") Duration upstreamTimeout) {
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .slidingWindowSize(20)
                            .minimumNumberOfCalls(5)
                            .failureRateThreshold(50)
                            .slowCallDurationThreshold(upstreamTimeout)
                            .waitDurationInOpenState(openFor)
                            .permittedNumberOfCallsInHalfOpenState(2)
                            .build())
                    .timeLimiterConfig(
                        TimeLimiterConfig.custom().timeoutDuration(upstreamTimeout).build())
                    .build());
  }
}
