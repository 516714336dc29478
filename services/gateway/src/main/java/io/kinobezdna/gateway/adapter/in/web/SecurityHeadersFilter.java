package io.kinobezdna.gateway.adapter.in.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer, the apps' static files included (the gateway's own
 * SecureHeaders filter only covers proxied routes). The CSP allows only our own origin, plus
 * WebSocket connections to it and blob:/data: media for the player and image previews.
 */
@Component
@Order(-30)
class SecurityHeadersFilter implements WebFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; "
          + "connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
              headers.set("X-Frame-Options", "DENY");
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
              headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
