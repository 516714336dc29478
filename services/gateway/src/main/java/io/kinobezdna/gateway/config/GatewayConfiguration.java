package io.kinobezdna.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.kinobezdna.gateway.adapter.in.web.BodyDecodingMarker;
import io.kinobezdna.gateway.adapter.in.web.EdgeAdmission;
import io.kinobezdna.gateway.adapter.in.web.EdgeAdmissionFilter;
import io.kinobezdna.gateway.adapter.in.web.EdgeHeaderPolicy;
import io.kinobezdna.gateway.adapter.in.web.EdgeRequestGuard;
import io.kinobezdna.gateway.adapter.in.web.MigrationRouter;
import io.kinobezdna.gateway.adapter.in.web.RequestBodyPolicy;
import io.kinobezdna.gateway.adapter.in.web.RequestHeadDeadline;
import io.kinobezdna.gateway.adapter.in.web.UpstreamBreaker;
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
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Wires the use cases to their adapters, and one gateway route per configured service. */
@Configuration(proxyBeanMethods = false)
@Import({MigrationRouter.class})
public class GatewayConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

  @Bean
  EdgeAdmission edgeAdmission(
      JwtVerifier verifier,
      EdgeProperties edge,
      TransferRoutes transfers,
      ReactiveStringRedisTemplate redis,
      MeterRegistry meters) {
    EdgeProperties.RateLimits limits = edge.rateLimit();
    return new EdgeAdmission(
        verifier,
        new PublicRoutes(edge.publicRoutes()),
        transfers,
        new RedisRateLimiter(redis, limits.redisTimeout(), meters),
        new RateLimit(limits.userPerSecond(), limits.userBurst()),
        new RateLimit(limits.addressPerSecond(), limits.addressBurst()));
  }

  /** The header policy of every path through the edge, and who the client is. */
  @Bean
  EdgeHeaderPolicy edgeHeaderPolicy(EdgeProperties edge) {
    return new EdgeHeaderPolicy(edge.trustedProxies());
  }

  /** What the edge refuses before anything else looks at a request. */
  @Bean
  @Order(-40)
  EdgeRequestGuard edgeRequestGuard(EdgeHeaderPolicy headers) {
    return new EdgeRequestGuard(headers);
  }

  /** Admission (token, rate limit) for every /api request, proxied or answered here. */
  @Bean
  @Order(-20)
  EdgeAdmissionFilter edgeAdmissionFilter(EdgeAdmission admission) {
    return new EdgeAdmissionFilter(admission);
  }

  /** Which requests move file bytes: admission and the routes both ask it. */
  @Bean
  TransferRoutes transferRoutes(EdgeProperties edge) {
    return new TransferRoutes(edge.transferRoutes());
  }

  @Bean(destroyMethod = "close")
  RedisMigrationSplits migrationSplits(ReactiveStringRedisTemplate redis, EdgeProperties edge) {
    // a split configured at startup names its target in the allow-list like any other
    edge.migrations()
        .values()
        .forEach(
            m -> {
              if (!edge.migrationTargets().contains(m.target())) {
                throw new IllegalStateException(
                    "kb.gateway.migrations: target "
                        + m.target()
                        + " is not in kb.gateway.migration-targets");
              }
            });
    List<MigrationSplit> configured =
        edge.migrations().entrySet().stream()
            .map(e -> new MigrationSplit(e.getKey(), e.getValue().target(), e.getValue().percent()))
            .toList();
    return new RedisMigrationSplits(redis, configured, Duration.ofSeconds(2));
  }

  /** Body limits, deadlines and decoding damage, by what each route's metadata asks. */
  @Bean
  RequestBodyPolicy requestBodyPolicy() {
    return new RequestBodyPolicy();
  }

  @Bean
  ChangeMigrationSplitHandler changeMigrationSplitHandler(
      MigrationSplits splits, PlatformProperties platform, EdgeProperties edge) {
    return new ChangeMigrationSplitHandler(splits, platform, edge.migrationTargets());
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
   * The event loops of the gateway's Netty server and of its upstream client, its own rather than
   * the JVM's shared ones: {@code kb.gateway.event-loops}, or one per core when 0. Fewer loops
   * batch more events per wake-up; the local platform, where the gateway shares the cores with
   * every service, runs one (ADR 0014).
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

  /** The gateway's upstream client runs on the same loops as its server. */
  @Bean
  HttpClientCustomizer upstreamClientOnGatewayLoops(ReactorResourceFactory resources) {
    return client -> client.runOn(resources.getLoopResources());
  }

  /**
   * Spring Cloud Gateway's upstream client, with its connection pool bounded: at most {@code
   * kb.gateway.max-concurrent-calls} connections per upstream, and as many calls again waiting for
   * one, each for at most the connect timeout ({@code kb.gateway.connect-timeout}, also the
   * client's); beyond that a call fails at once and its breaker answers 503.
   */
  @Bean
  HttpClientFactory gatewayHttpClientFactory(
      HttpClientProperties properties,
      ServerProperties server,
      List<HttpClientCustomizer> customizers,
      HttpClientSslConfigurer ssl,
      EdgeProperties edge) {
    properties.setConnectTimeout((int) edge.connectTimeout().toMillis());
    return new HttpClientFactory(properties, server, ssl, customizers) {
      @Override
      protected ConnectionProvider buildConnectionProvider(HttpClientProperties ignored) {
        return ConnectionProvider.builder("gateway-upstreams")
            .maxConnections(edge.maxConcurrentCalls())
            .pendingAcquireMaxCount(edge.maxConcurrentCalls())
            .pendingAcquireTimeout(edge.connectTimeout())
            .maxIdleTime(Duration.ofSeconds(30))
            .build();
      }
    };
  }

  /**
   * Limits on what a client sends: a request head (line and headers) must be in within {@code
   * kb.gateway.client-head-timeout} of its first byte ({@link RequestHeadDeadline}), a request body
   * may stay silent for at most {@code kb.gateway.client-read-timeout} (Reactor Netty's read
   * timeout; 408 from {@link RequestBodyPolicy}); a connection that sends nothing closes after
   * {@code server.netty.idle-timeout}. Nothing limits how slowly a client may read an answer. The
   * {@link BodyDecodingMarker} lets a broken body fail rather than end.
   */
  @Bean
  NettyServerCustomizer clientLimits(EdgeProperties edge) {
    return server ->
        RequestHeadDeadline.install(
            BodyDecodingMarker.install(server.readTimeout(edge.clientReadTimeout())),
            edge.clientHeadTimeout());
  }

  /**
   * {@code /api/<service>/rest} goes to {@code <service-url>/rest}. Plain calls carry a breaker
   * ({@link UpstreamBreaker}), retries of safe methods on a refused connection and on 502/503/504
   * (twice, backing off from 50 to 400 ms), the upstream timeout (the default of the gateway's
   * client) and a small body limit; their bodies are read in full before they go on ({@link
   * RequestBodyPolicy}).
   *
   * <p>Streams (WebSocket upgrades and server-sent events) and transfers (uploads and media, see
   * {@link TransferRoutes}) take a route of their own to the same service without breaker, retries
   * or response timeout, and with the large body limit: those would cut a stream meant to stay open
   * or a 2 GiB upload.
   *
   * <p>gRPC-Web ({@code /api/<service>/grpc-web/<package.Service>/<Method>}) goes to where the
   * service answers it ({@code kb.grpc-web-services.<service>}, Armeria in front of its gRPC
   * handlers, see platform-grpc-web) as a streaming call: server streams stay open, a failed call
   * comes back as a gRPC status in the answer, so no breaker or retries either.
   */
  @Bean
  RouteLocator serviceRoutes(
      RouteLocatorBuilder builder,
      PlatformProperties platform,
      TransferRoutes transfers,
      CircuitBreakerRegistry breakers,
      EdgeProperties edge) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    platform
        .grpcWebUpstreams()
        .forEach(
            (service, upstream) ->
                routes.route(
                    service + "-grpc-web",
                    r ->
                        r.order(-2)
                            .path("/api/" + service + "/grpc-web/**")
                            .filters(f -> f.stripPrefix(3))
                            .metadata(RequestBodyPolicy.streamed(edge.maxBodySize()))
                            .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
                            .metadata(EdgeHeaderPolicy.SERVICE_METADATA, service)
                            .uri(upstream)));
    for (ServiceEndpoint service : platform.serviceEndpoints()) {
      String prefix = "/api/" + service.name();
      routes.route(
          service.name() + "-streams",
          r ->
              r.order(-1)
                  .path(prefix, prefix + "/**")
                  .and()
                  .predicate(
                      exchange ->
                          EdgeAdmissionFilter.isStream(exchange.getRequest())
                              || transfers.isTransfer(
                                  exchange.getRequest().getMethod().name(),
                                  exchange.getRequest().getPath().value()))
                  .filters(f -> f.stripPrefix(2))
                  .metadata(RequestBodyPolicy.streamed(edge.maxTransferSize()))
                  .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
                  .metadata(EdgeHeaderPolicy.SERVICE_METADATA, service.name())
                  .uri(service.baseUrl()));
      routes.route(
          service.name(),
          r ->
              r.path(prefix, prefix + "/**")
                  .filters(
                      f ->
                          f.filter(
                                  new UpstreamBreaker(
                                      service.name(), breakers.circuitBreaker(service.name())))
                              .retry(
                                  retry ->
                                      retry
                                          .setRetries(2)
                                          .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                          .setSeries()
                                          .setStatuses(
                                              HttpStatus.BAD_GATEWAY,
                                              HttpStatus.SERVICE_UNAVAILABLE,
                                              HttpStatus.GATEWAY_TIMEOUT)
                                          .setExceptions(ConnectException.class)
                                          .setBackoff(
                                              Duration.ofMillis(50),
                                              Duration.ofMillis(400),
                                              2,
                                              false))
                              .stripPrefix(2))
                  .metadata(
                      RequestBodyPolicy.readFirst(edge.maxBodySize(), edge.clientBodyTimeout()))
                  .metadata(EdgeHeaderPolicy.SERVICE_METADATA, service.name())
                  .uri(service.baseUrl()));
    }
    return routes.build();
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
   * kb.gateway.cors-origins}) do. Early in the chain, so refusals carry it too.
   */
  @Bean
  @Order(-45)
  CorsWebFilter corsWebFilter(EdgeProperties edge) {
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
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return new CorsWebFilter(source);
  }
}
