package io.kinobezdna.gateway.adapter.in.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** {@link SecurityHeaders} on every answer the gateway gives itself and to every proxied one. */
@Component
@Order(-50)
class SecurityHeadersFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              SecurityHeaders.ALL.forEach(exchange.getResponse().getHeaders()::set);
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
