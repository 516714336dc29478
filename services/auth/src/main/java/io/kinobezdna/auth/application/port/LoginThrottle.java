package io.kinobezdna.auth.application.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Slows down password guessing, per account and per client address. Accounts are named by a
 * pseudonymous key, never by their email.
 */
public interface LoginThrottle {

  /** How long this account or address must still wait, or empty when it may try now. */
  Optional<Duration> waitBeforeAttempt(String accountKey, String clientIp);

  void recordFailure(String accountKey, String clientIp);

  void recordSuccess(String accountKey);
}
