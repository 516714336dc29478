package io.kinobezdna.auth.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a session. A session is a family of tokens: each refresh spends the
 * presented token and issues its successor in the same family. Only the token's hash is stored.
 *
 * @param spentAt when it was exchanged for its successor (then it must never be presented again)
 * @param revokedAt when its family was ended (logout, logout everywhere, or detected reuse)
 */
public record RefreshToken(
    UUID id,
    UUID familyId,
    UUID accountId,
    String tokenHash,
    Instant issuedAt,
    Instant expiresAt,
    Instant spentAt,
    Instant revokedAt) {

  /** What presenting this token at {@code now} means. */
  public Presentation presentedAt(Instant now) {
    if (revokedAt != null) {
      return Presentation.REVOKED;
    }
    if (spentAt != null) {
      return Presentation.REUSED;
    }
    if (!now.isBefore(expiresAt)) {
      return Presentation.EXPIRED;
    }
    return Presentation.VALID;
  }

  public enum Presentation {
    VALID,
    EXPIRED,
    REVOKED,
    /** A spent token came back: it was stolen or replayed, so its whole family is revoked. */
    REUSED
  }
}
