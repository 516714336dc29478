package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.context.ContextPropagation;
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
 * {@link EdgeAdmission} for the /api requests the gateway answers itself rather than proxies (its
 * status and admin endpoints, gRPC-Web): a refused request gets its problem answer; an admitted one
 * goes on with the verified caller as an exchange attribute and, for the gRPC-Web bridge, as {@code
 * x-caller-id} / {@code x-caller-roles} headers in place of any a client sent.
 */
public final class EdgeAdmissionFilter implements WebFilter {

  public static final String CALLER_ATTRIBUTE = EdgeAdmissionFilter.class.getName() + ".caller";

  private final EdgeAdmission admission;

  public EdgeAdmissionFilter(EdgeAdmission admission) {
    this.admission = admission;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!request.getPath().value().startsWith("/api/")
        || request.getMethod() == HttpMethod.OPTIONS) {
      return chain.filter(exchange);
    }
    return admission
        .admit(
            new EdgeAdmission.Request(
                request.getMethod().name(),
                request.getPath().value(),
                request.getURI().getRawQuery(),
                request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                isStream(request),
                EdgeAdmission.clientAddress(request.getRemoteAddress())))
        .flatMap(
            decision ->
                switch (decision) {
                  case EdgeAdmission.Refused refused ->
                      ProblemResponses.write(exchange, refused.error());
                  case EdgeAdmission.Admitted admitted ->
                      chain
                          .filter(admitted(exchange, admitted))
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
      ServerWebExchange exchange, EdgeAdmission.Admitted admitted) {
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
        .request(
            r ->
                r.uri(uri)
                    .headers(
                        h -> {
                          h.remove(ContextPropagation.CALLER_ID);
                          h.remove(EdgeHeaders.CALLER_ROLES);
                          h.remove(HttpHeaders.AUTHORIZATION);
                          if (admitted.caller() != null) {
                            h.set(HttpHeaders.AUTHORIZATION, admitted.authorization());
                            h.set(ContextPropagation.CALLER_ID, admitted.caller().userId());
                            h.set(
                                EdgeHeaders.CALLER_ROLES,
                                String.join(",", admitted.caller().roles()));
                          }
                        }))
        .build();
  }

  private static boolean isStream(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    return EdgeProxy.isStream(
        headers.getFirst(HttpHeaders.UPGRADE), headers.getFirst(HttpHeaders.ACCEPT));
  }
}
