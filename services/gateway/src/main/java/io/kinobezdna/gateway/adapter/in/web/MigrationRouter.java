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
 * Applies strangler-fig splits: once a route has resolved its upstream URL, a caller on the target
 * side of the service's split is sent to the target instead (same path and query). The side is
 * sticky per caller (user id, or client address when anonymous). Counts every request of a split
 * service per side in {@value #METRIC}.
 */
public final class MigrationRouter implements GlobalFilter, Ordered {

  public static final String METRIC = "kb.gateway.migration.requests";

  private final MigrationSplits splits;
  private final MeterRegistry meters;

  public MigrationRouter(MigrationSplits splits, MeterRegistry meters) {
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
    if (route == null
        || upstream == null
        || !(route.getMetadata().get(EdgeHeaderPolicy.SERVICE_METADATA)
            instanceof String service)) {
      return chain.filter(exchange);
    }
    Optional<MigrationSplit> split = splits.of(service);
    if (split.isEmpty()) {
      return chain.filter(exchange);
    }
    MigrationSplit.Side side = split.get().sideFor(stickyKey(exchange));
    counter(service, side).increment();
    if (side == MigrationSplit.Side.TARGET) {
      URI target = split.get().target();
      exchange
          .getAttributes()
          .put(
              GATEWAY_REQUEST_URL_ATTR,
              UriComponentsBuilder.fromUri(upstream)
                  .scheme(target.getScheme())
                  .host(target.getHost())
                  .port(target.getPort())
                  .build(true)
                  .toUri());
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
    VerifiedCaller caller = exchange.getAttribute(EdgeAdmissionFilter.CALLER_ATTRIBUTE);
    return caller != null
        ? "user:" + caller.userId()
        : "ip:" + exchange.getAttribute(EdgeHeaderPolicy.CLIENT_ADDRESS_ATTRIBUTE);
  }
}
