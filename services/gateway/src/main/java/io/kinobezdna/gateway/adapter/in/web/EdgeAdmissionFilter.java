package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.errors.PlatformError;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@link EdgeAdmission} for every /api request, whichever way it goes on (a Spring Cloud Gateway
 * route to a service, gRPC-Web, or the gateway's own status and admin endpoints): a refused request
 * gets its problem answer; an admitted one goes on with the verified caller as an exchange
 * attribute and its identity in the request headers ({@link EdgeHeaderPolicy#identify}), in place
 * of any a client sent.
 */
public final class EdgeAdmissionFilter implements WebFilter {

  public static final String CALLER_ATTRIBUTE = EdgeAdmissionFilter.class.getName() + ".caller";

  private final EdgeAdmission admission;

  public EdgeAdmissionFilter(EdgeAdmission admission) {
    this.admission = admission;
  }

  /** A WebSocket upgrade or a request for server-sent events: a connection meant to stay open. */
  public static boolean isStream(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    String upgrade = headers.getUpgrade();
    String accept = headers.getFirst(HttpHeaders.ACCEPT);
    return (upgrade != null && upgrade.equalsIgnoreCase("websocket"))
        || (accept != null && accept.contains("text/event-stream"));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String client = exchange.getAttribute(EdgeHeaderPolicy.CLIENT_ADDRESS_ATTRIBUTE);
    if (!request.getPath().value().startsWith("/api/")
        || request.getMethod() == HttpMethod.OPTIONS) {
      return chain.filter(
          exchange
              .mutate()
              .request(r -> r.headers(h -> EdgeHeaderPolicy.anonymous(h, client)))
              .build());
    }
    return admission
        .admit(
            new EdgeAdmission.Request(
                request.getMethod().name(),
                request.getPath().value(),
                request.getURI().getRawQuery(),
                request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                isStream(request),
                client))
        .flatMap(
            decision ->
                switch (decision) {
                  case EdgeAdmission.Refused refused ->
                      ProblemResponses.write(exchange, refused.error());
                  case EdgeAdmission.Admitted admitted ->
                      chain
                          .filter(admitted(exchange, admitted, client))
                          // the gateway's own endpoints refuse with PlatformErrors too
                          .onErrorResume(
                              PlatformError.class,
                              e ->
                                  exchange.getResponse().isCommitted()
                                      ? Mono.error(e)
                                      : ProblemResponses.write(exchange, e));
                });
  }

  private static ServerWebExchange admitted(
      ServerWebExchange exchange, EdgeAdmission.Admitted admitted, String client) {
    if (admitted.caller() != null) {
      exchange.getAttributes().put(CALLER_ATTRIBUTE, admitted.caller());
    }
    URI uri =
        UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
            .replaceQuery(admitted.rawQuery())
            .build(true)
            .toUri();
    return exchange
        .mutate()
        .request(r -> r.uri(uri).headers(h -> EdgeHeaderPolicy.identify(h, admitted, client)))
        .build();
  }
}
