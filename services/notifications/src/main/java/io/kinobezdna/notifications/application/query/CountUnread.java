package io.kinobezdna.notifications.application.query;

import java.util.Objects;
import java.util.UUID;

/** How many of a user's notifications are unread. */
public record CountUnread(UUID userId) {

  public CountUnread {
    Objects.requireNonNull(userId, "userId");
  }
}
