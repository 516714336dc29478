package io.kinobezdna.auth.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the Events service wants to know about sign-ins.
 *
 * @param subject the account id, or for a failed login of an unknown email a pseudonymous key
 * @param clientIp the client's address as the gateway saw it (may be empty)
 */
public record AuthEvent(UUID eventId, Type type, String subject, Instant at, String clientIp) {

  public enum Type {
    REGISTERED,
    LOGGED_IN,
    LOGIN_FAILED,
    LOGGED_OUT,
    REFRESH_REUSE_DETECTED
  }
}
