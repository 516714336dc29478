package io.kinobezdna.ugc.domain;

import java.time.Instant;
import java.util.UUID;

/** Where a viewer stopped in a film, to resume there. */
public record WatchProgress(
    UUID filmId, int positionSeconds, int durationSeconds, Instant updatedAt) {

  /** Past this share of the film it counts as watched: credits are not worth resuming. */
  public static final double FINISHED_SHARE = 0.95;

  public boolean finished() {
    return durationSeconds > 0 && positionSeconds >= durationSeconds * FINISHED_SHARE;
  }
}
