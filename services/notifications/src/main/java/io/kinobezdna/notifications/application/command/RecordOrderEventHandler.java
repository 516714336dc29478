package io.kinobezdna.notifications.application.command;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.OrderStatusChanged;
import java.util.List;

/**
 * The side effect of each order event — a notification row (the log line follows it) — exactly
 * once: the event ids are recorded in the same transaction as the rows, so an event delivered again
 * (after a crash before the consumer committed its offset) finds its id and changes nothing. A
 * batch (what one poll brought) is one transaction, not one per event.
 */
public final class RecordOrderEventHandler {

  private final NotificationRepository notifications;

  public RecordOrderEventHandler(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** The events that were new (and whose notifications now exist), in order. */
  public List<OrderStatusChanged> handle(List<OrderStatusChanged> events) {
    return notifications.recordOnce(events);
  }
}
