package io.kinobezdna.notifications.application.port;

import io.kinobezdna.notifications.domain.Notification;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notifications in PostgreSQL. */
public interface NotificationRepository {

  /**
   * Stores a notification for each event whose id was not handled before, all in one transaction
   * and in the given order; returns those events (each once, in order).
   */
  List<OrderStatusChanged> recordOnce(List<OrderStatusChanged> events);

  /** The user's notifications, newest first, with ids below beforeId (0: from the newest). */
  List<Notification> list(UUID userId, long beforeId, int limit);

  long unreadCount(UUID userId);

  /**
   * Forgets up to {@code limit} handled event ids recorded before {@code cutoff}, skipping rows
   * another instance is deleting at the same moment; returns how many it forgot.
   */
  int forgetHandledEventsBefore(Instant cutoff, int limit);

  /** Marks the user's notifications up to and including upToId read; returns how many changed. */
  int markRead(UUID userId, long upToId);
}
