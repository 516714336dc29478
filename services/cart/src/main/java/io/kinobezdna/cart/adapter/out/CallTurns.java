package io.kinobezdna.cart.adapter.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Gives turns for calls to a rate-limited service, shared by all instances: the gRPC client's
 * interceptor asks, the Redis adapter answers.
 */
public interface CallTurns {

  /** How long to wait for the reserved turn; empty (nothing reserved) when over maxWait. */
  Optional<Duration> reserve(Duration maxWait);
}
