package io.kinobezdna.notifications.application.command;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.OrderStatusChanged;

/**
 * The side effect of one order event — a notification row (the log line follows it) — exactly once:
 * the event id is recorded in the same transaction as the row, so an event delivered again (after a
 * crash before the consumer committed its offset) finds its id and changes nothing.
 */
public final class RecordOrderEventHandler {

  private final NotificationRepository notifications;

  public RecordOrderEventHandler(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** True when the event was new (and its notification now exists). */
  public boolean handle(OrderStatusChanged event) {
    return notifications.recordOnce(event);
  }
}
