package io.kinobezdna.notifications.application.command;

import io.kinobezdna.platform.errors.PlatformError;
import java.util.Objects;
import java.util.UUID;

/** Marks a user's notifications up to and including {@code upToId} as read. */
public record MarkRead(UUID userId, long upToId) {

  public MarkRead {
    Objects.requireNonNull(userId, "userId");
    if (upToId <= 0) {
      throw PlatformError.invalidField("upToId", "must be a notification id");
    }
  }
}
