package io.kinobezdna.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** An event of loms.order-events: order N reached status S at a moment, for its user. */
public record OrderStatusChanged(
    UUID eventId, long orderId, UUID userId, String status, Instant moment) {

  /** What the user is told (and the log says). */
  public String text() {
    return "order " + orderId + " is now " + status;
  }
}
