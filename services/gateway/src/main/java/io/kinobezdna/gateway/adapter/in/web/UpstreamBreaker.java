package io.kinobezdna.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The Resilience4j circuit breaker of one upstream around its plain calls. It counts an answer of
 * 500, 502, 503 or 504 as a failure but lets the answer through as it is (an upstream 500 stays a
 * 500); only when the gateway could not get an answer — connection refused or reset, no free
 * connection, the upstream timeout — or the breaker is open does the client get 503 with {@code
 * Retry-After}, a problem naming the service.
 *
 * <p>Spring Cloud Gateway's own CircuitBreaker filter judges only errors, or turns a matching
 * status into its fallback; hence this filter, which asks the breaker for permission and reports
 * each outcome to it through Resilience4j's own API.
 */
public final class UpstreamBreaker implements GatewayFilter {

  private static final Logger log = LoggerFactory.getLogger(UpstreamBreaker.class);
  private static final Set<Integer> FAILURES = Set.of(500, 502, 503, 504);

  private final String service;
  private final CircuitBreaker breaker;

  public UpstreamBreaker(String service, CircuitBreaker breaker) {
    this.service = service;
    this.breaker = breaker;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (!breaker.tryAcquirePermission()) {
      return unavailable(
          exchange, CallNotPermittedException.createCallNotPermittedException(breaker));
    }
    long start = breaker.getCurrentTimestamp();
    return chain
        .filter(exchange)
        .doOnSuccess(ignored -> judge(exchange.getResponse().getStatusCode(), start))
        .doOnCancel(breaker::releasePermission)
        .onErrorResume(
            failure -> {
              breaker.onError(
                  breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
              // an answer already on its way cannot be replaced: the client sees it aborted
              return exchange.getResponse().isCommitted()
                  ? Mono.error(failure)
                  : unavailable(exchange, failure);
            });
  }

  private void judge(HttpStatusCode status, long start) {
    long took = breaker.getCurrentTimestamp() - start;
    if (status != null && FAILURES.contains(status.value())) {
      breaker.onError(took, breaker.getTimestampUnit(), new UpstreamFailed(status));
    } else {
      breaker.onSuccess(took, breaker.getTimestampUnit());
    }
  }

  private Mono<Void> unavailable(ServerWebExchange exchange, Throwable cause) {
    // an open breaker is said once per state change (GatewayConfiguration), not per request
    if (!(cause instanceof CallNotPermittedException)) {
      log.warn("upstream {} failed: {}", service, cause.toString());
    }
    exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    return ProblemResponses.unavailable(exchange, service);
  }

  /** An answer the breaker counts as the upstream failing. */
  static final class UpstreamFailed extends RuntimeException {
    UpstreamFailed(HttpStatusCode status) {
      super("answered " + status.value(), null, false, false);
    }
  }
}
