package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.platform.tx.Batches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes refresh tokens that expired more than {@code keepExpired} ago, in batches, so the table
 * holds live sessions and recent history only. Safe on several instances at once: each batch skips
 * the rows another instance is deleting.
 */
public final class PurgeExpiredSessionsHandler {

  static final int BATCH = 1_000;

  private final RefreshTokenRepository tokens;
  private final Clock clock;
  private final Duration keepExpired;

  public PurgeExpiredSessionsHandler(
      RefreshTokenRepository tokens, Clock clock, Duration keepExpired) {
    this.tokens = tokens;
    this.clock = clock;
    this.keepExpired = keepExpired;
  }

  /** How many tokens were deleted. */
  public int handle() {
    Instant cutoff = clock.instant().minus(keepExpired);
    return Batches.untilShort(BATCH, limit -> tokens.deleteExpiredBefore(cutoff, limit));
  }
}
