package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.platform.tx.Retention;

/**
 * Deletes refresh tokens (spent, revoked or just old) once the retention after their expiry has
 * passed: until then a replayed spent token is still recognised and revokes its family.
 */
public final class PurgeExpiredSessionsHandler {

  private final RefreshTokenRepository tokens;
  private final Retention retention;

  public PurgeExpiredSessionsHandler(RefreshTokenRepository tokens, Retention retention) {
    this.tokens = tokens;
    this.retention = retention;
  }

  /** How many tokens were deleted. */
  public int handle() {
    return retention.sweep(tokens::deleteExpiredBefore);
  }
}
