package io.kinobezdna.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.kinobezdna.gateway.adapter.out.http.ActuatorReadinessClient;
import io.kinobezdna.gateway.adapter.out.probe.WireInfrastructureProbe;
import io.kinobezdna.gateway.application.query.GetPlatformStatusHandler;
import io.kinobezdna.platform.context.ContextPropagation;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Wires the use cases to their adapters, and one /api route per configured service. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
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
   * {@code /api/<service>/rest} goes to {@code <service-url>/rest}, and on the way: identity
   * headers a client sent are dropped (only the gateway may assert who is calling), safe methods
   * are retried on connection failures and 502/503/504, and a circuit breaker per service turns
   * failures, timeouts and an open circuit into a 503 problem at once.
   */
  @Bean
  RouteLocator serviceRoutes(RouteLocatorBuilder builder, PlatformProperties platform) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    platform
        .serviceEndpoints()
        .forEach(
            service ->
                routes.route(
                    service.name(),
                    r ->
                        r.path("/api/" + service.name() + "/**")
                            .filters(
                                f ->
                                    f.removeRequestHeader(ContextPropagation.CALLER_ID)
                                        .removeRequestHeader(CALLER_ROLES)
                                        .rewritePath(
                                            "/api/" + service.name() + "/?(?<rest>.*)", "/${rest}")
                                        .circuitBreaker(
                                            cb ->
                                                cb.setName(service.name())
                                                    .setFallbackUri(
                                                        "forward:/fallback/" + service.name())
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
                            .uri(service.baseUrl())));
    return routes.build();
  }

  /** Header the gateway will set from a verified token; never trusted from a client. */
  static final String CALLER_ROLES = "x-caller-roles";

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
