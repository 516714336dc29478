package io.kinobezdna.gateway.adapter.in.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.domain.MigrationSplit;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Applies strangler-fig splits: once the route has resolved its upstream URL, a caller on the
 * target side of the route's split is sent to the target instead (same path and query). Counts
 * every request per side in {@value #METRIC}.
 */
public final class MigrationRoutingFilter implements GlobalFilter, Ordered {

  public static final String METRIC = "kb.gateway.migration.requests";

  /** Route metadata naming the service a route leads to (its plain and stream routes share it). */
  public static final String SERVICE_METADATA = "kb.service";

  private final MigrationSplits splits;
  private final MeterRegistry meters;

  public MigrationRoutingFilter(MigrationSplits splits, MeterRegistry meters) {
    this.splits = splits;
    this.meters = meters;
  }

  @Override
  public int getOrder() {
    return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    URI upstream = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    if (route == null || upstream == null) {
      return chain.filter(exchange);
    }
    Object service = route.getMetadata().getOrDefault(SERVICE_METADATA, route.getId());
    Optional<MigrationSplit> split = splits.of(service.toString());
    if (split.isEmpty()) {
      return chain.filter(exchange);
    }
    MigrationSplit.Side side = split.get().sideFor(stickyKey(exchange));
    counter(service.toString(), side).increment();
    if (side == MigrationSplit.Side.TARGET) {
      URI target = split.get().target();
      URI rerouted =
          UriComponentsBuilder.fromUri(upstream)
              .scheme(target.getScheme())
              .host(target.getHost())
              .port(target.getPort())
              .build(true)
              .toUri();
      exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, rerouted);
    }
    return chain.filter(exchange);
  }

  public double count(String service, MigrationSplit.Side side) {
    return counter(service, side).count();
  }

  private Counter counter(String service, MigrationSplit.Side side) {
    return meters.counter(METRIC, "service", service, "side", side.name().toLowerCase(Locale.ROOT));
  }

  private static String stickyKey(ServerWebExchange exchange) {
    VerifiedCaller caller = exchange.getAttribute(EdgeAuthenticationFilter.CALLER_ATTRIBUTE);
    return caller != null
        ? "user:" + caller.userId()
        : "ip:" + RateLimitFilter.clientAddress(exchange);
  }
}
