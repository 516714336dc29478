package io.kinobezdna.gateway.config;

import io.kinobezdna.gateway.adapter.out.http.ActuatorReadinessClient;
import io.kinobezdna.gateway.adapter.out.probe.WireInfrastructureProbe;
import io.kinobezdna.gateway.application.query.GetPlatformStatusHandler;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

  /** {@code /api/<service>/rest} goes to {@code <service-url>/rest}. */
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
                                    f.rewritePath(
                                        "/api/" + service.name() + "/?(?<rest>.*)", "/${rest}"))
                            .uri(service.baseUrl())));
    return routes.build();
  }
}
