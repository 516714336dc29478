package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.adapter.out.redis.RedisRateLimiter;
import io.kinobezdna.gateway.domain.RateLimit;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits for /api requests: per user when signed in (after {@link EdgeAuthenticationFilter}),
 * per client address otherwise. Over the limit: 429 problem+json with Retry-After.
 */
public final class RateLimitFilter implements WebFilter {

  private final RedisRateLimiter limiter;
  private final RateLimit perUser;
  private final RateLimit perAddress;

  public RateLimitFilter(RedisRateLimiter limiter, RateLimit perUser, RateLimit perAddress) {
    this.limiter = limiter;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    VerifiedCaller caller = exchange.getAttribute(EdgeAuthenticationFilter.CALLER_ATTRIBUTE);
    String key = caller != null ? "user:" + caller.userId() : "ip:" + clientAddress(exchange);
    RateLimit limit = caller != null ? perUser : perAddress;
    return limiter
        .check(key, limit)
        .flatMap(
            wait ->
                wait.isPresent()
                    ? ProblemResponses.write(
                        exchange,
                        PlatformError.tooManyAttempts(
                            "RATE_LIMITED",
                            "Too many requests. Please slow down and try again shortly.",
                            wait.get()))
                    : chain.filter(exchange));
  }

  static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
