package io.kinobezdna.platform.tx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a service keeps rows it only needs for a while (spent sessions, de-duplication ids), and
 * the sweep that deletes older ones a batch at a time. Each batch is one statement that skips rows
 * another instance is deleting, so several instances may sweep at once.
 *
 * @param keep how long a row is kept after its time (expiry, handling)
 */
public record Retention(Clock clock, Duration keep) {

  static final int BATCH = 1_000;

  /** Deletes, up to {@code limit} at a time, the rows older than {@code cutoff}. */
  @FunctionalInterface
  public interface Deletion {
    int deleteBefore(Instant cutoff, int limit);
  }

  /** Deletes every row older than the retention; returns how many. */
  public int sweep(Deletion deletion) {
    Instant cutoff = clock.instant().minus(keep);
    return Batches.untilShort(BATCH, limit -> deletion.deleteBefore(cutoff, limit));
  }
}
