package io.kinobezdna.notifications.application.query;

import io.kinobezdna.platform.errors.PlatformError;
import java.util.Objects;
import java.util.UUID;

/**
 * A page of a user's notifications, newest first, older than {@code beforeId} (0: from the newest);
 * at most {@link #MAX_LIMIT} at a time.
 */
public record ListNotifications(UUID userId, long beforeId, int limit) {

  public static final int MAX_LIMIT = 100;

  public ListNotifications {
    Objects.requireNonNull(userId, "userId");
    if (beforeId < 0) {
      throw PlatformError.invalidField("before", "must not be negative");
    }
    limit = Math.clamp(limit, 1, MAX_LIMIT);
  }
}
