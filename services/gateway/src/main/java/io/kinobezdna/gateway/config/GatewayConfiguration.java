package io.kinobezdna.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.kinobezdna.gateway.adapter.in.web.AnswerCompression;
import io.kinobezdna.gateway.adapter.in.web.EdgeAdmission;
import io.kinobezdna.gateway.adapter.in.web.EdgeAdmissionFilter;
import io.kinobezdna.gateway.adapter.in.web.EdgeCalls;
import io.kinobezdna.gateway.adapter.in.web.EdgeProxy;
import io.kinobezdna.gateway.adapter.in.web.GrpcWebBridge;
import io.kinobezdna.gateway.adapter.in.web.MigrationRouter;
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
import io.kinobezdna.gateway.domain.TransferRoutes;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Wires the use cases to their adapters, and the edge proxy to every configured service. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

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
  EdgeAdmission edgeAdmission(
      JwtVerifier verifier,
      EdgeProperties edge,
      TransferRoutes transfers,
      ReactiveStringRedisTemplate redis) {
    EdgeProperties.RateLimits limits = edge.rateLimit();
    return new EdgeAdmission(
        verifier,
        new PublicRoutes(edge.publicRoutes()),
        transfers,
        new RedisRateLimiter(redis),
        new RateLimit(limits.userPerSecond(), limits.userBurst()),
        new RateLimit(limits.addressPerSecond(), limits.addressBurst()));
  }

  /** The edge for /api requests the gateway answers itself (proxied ones: {@link EdgeProxy}). */
  @Bean
  @Order(-20)
  EdgeAdmissionFilter edgeAdmissionFilter(EdgeAdmission admission) {
    return new EdgeAdmissionFilter(admission);
  }

  /** Which requests move file bytes: the edge and the proxy both ask it. */
  @Bean
  TransferRoutes transferRoutes(EdgeProperties edge) {
    return new TransferRoutes(edge.transferRoutes());
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
  MigrationRouter migrationRouter(MigrationSplits splits, MeterRegistry meters) {
    return new MigrationRouter(splits, meters);
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
   * The event loops of the gateway's Netty server and of its upstream clients, its own rather than
   * the JVM's shared ones: {@code kb.gateway.event-loops}, or one per core when 0. Fewer loops
   * batch more events per wake-up; the local platform, where the gateway shares the cores with
   * every service, runs one (ADR 0008).
   */
  @Bean
  ReactorResourceFactory reactorResourceFactory(
      @Value("${kb.gateway.event-loops:0}") int eventLoops) {
    int loops = eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    resources.setLoopResourcesSupplier(() -> LoopResources.create("gateway", loops, true));
    return resources;
  }

  /**
   * Plain /api/&lt;service&gt;/… calls, answered by a handler behind the HTTP codec of every client
   * connection (ADR 0009). Each event loop keeps its own keep-alive connections to each upstream,
   * at most {@code kb.gateway.max-concurrent-calls} of them: a bound on what one stuck upstream can
   * hold. They close with the gateway's event loops.
   */
  @Bean
  EdgeCalls edgeCalls(
      PlatformProperties platform,
      EdgeAdmission admission,
      TransferRoutes transfers,
      MigrationRouter migrations,
      CircuitBreakerRegistry breakers,
      CorsConfiguration cors,
      EdgeProperties edge,
      ServerProperties server) {
    Compression compression = server.getCompression();
    return new EdgeCalls(
        platform.serviceEndpoints(),
        admission,
        transfers,
        migrations,
        breakers,
        edge.maxConcurrentCalls(),
        edge.connectTimeout(),
        edge.upstreamTimeout(),
        cors,
        // calls are compressed as the gateway's own answers are (server.compression)
        new AnswerCompression(
            compression.getEnabled(),
            List.of(compression.getAllMimeTypes()),
            compression.getMinResponseSize().toBytes()));
  }

  @Bean
  NettyServerCustomizer edgeCallsOnEveryConnection(EdgeCalls calls) {
    return server -> server.doOnChannelInit((observer, channel, address) -> calls.install(channel));
  }

  /**
   * Streams, WebSockets and transfers on /api/&lt;service&gt;/…, proxied on the gateway's Netty
   * server ahead of WebFlux, through a client on the gateway's own event loops.
   */
  @Bean(destroyMethod = "dispose")
  ConnectionProvider streamConnections(EdgeProperties edge) {
    return ConnectionProvider.builder("gateway-streams")
        .maxConnections(edge.maxConcurrentCalls())
        .pendingAcquireTimeout(edge.connectTimeout())
        .maxIdleTime(Duration.ofSeconds(30))
        .build();
  }

  @Bean
  EdgeProxy edgeProxy(
      PlatformProperties platform,
      EdgeAdmission admission,
      MigrationRouter migrations,
      CorsConfiguration cors,
      ReactorResourceFactory resources,
      ConnectionProvider streamConnections,
      EdgeProperties edge) {
    return new EdgeProxy(
        platform.serviceEndpoints(),
        admission,
        migrations,
        HttpClient.create(streamConnections)
            .runOn(resources.getLoopResources())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) edge.connectTimeout().toMillis()),
        cors);
  }

  /** gRPC-Web for every service with a gRPC port ({@code kb.grpc-services.<name>}). */
  @Bean
  @Order(-5)
  GrpcWebBridge grpcWebBridge(PlatformProperties platform) {
    return new GrpcWebBridge(platform.grpcUpstreams());
  }

  /**
   * One breaker per upstream: judged over the last 20 calls (at least 5), open at 50 % failures or
   * calls slower than {@code kb.gateway.upstream-timeout}, tried again after {@code
   * kb.gateway.breaker.open-for}. State changes are logged.
   */
  @Bean
  CircuitBreakerRegistry circuitBreakers(
      @Value("${kb.gateway.breaker.open-for:10s}") Duration openFor, EdgeProperties edge) {
    CircuitBreakerRegistry registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(edge.upstreamTimeout())
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    registry
        .getEventPublisher()
        .onEntryAdded(
            added ->
                added
                    .getAddedEntry()
                    .getEventPublisher()
                    .onStateTransition(
                        t ->
                            log.warn(
                                "circuit breaker of {}: {}",
                                t.getCircuitBreakerName(),
                                t.getStateTransition())));
    return registry;
  }

  /**
   * CORS for /api: the apps' own origin needs none; the Vite dev servers of web and mobile ({@code
   * kb.gateway.cors-origins}) do. Preflights are answered by Spring, actual requests by whichever
   * part answers them.
   */
  @Bean
  CorsConfiguration corsConfiguration(EdgeProperties edge) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(edge.corsOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.addAllowedHeader(CorsConfiguration.ALL);
    cors.setExposedHeaders(
        List.of(
            "Retry-After",
            "X-Request-Id",
            "grpc-status",
            "grpc-message",
            "grpc-status-details-bin"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofHours(1));
    return cors;
  }

  @Bean
  CorsWebFilter corsWebFilter(CorsConfiguration cors) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return new CorsWebFilter(source);
  }
}
