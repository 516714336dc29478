package io.kinobezdna.gateway.adapter.out;

import io.kinobezdna.gateway.domain.RateLimit;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Counts requests against a limit for all gateway instances. A port of the edge's admission, kept
 * with the adapters rather than in application because it answers on the event loop (a Mono).
 */
public interface RateLimiter {

  /** Empty when the request may go on, else how long the caller must wait. */
  Mono<Optional<Duration>> check(String key, RateLimit limit);
}
