package io.kinobezdna.notifications.application.command;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.platform.tx.Retention;

/**
 * Forgets handled event ids past the retention: the exactly-once guard only has to outlast any
 * redelivery, and without this the table would grow with every event.
 */
public final class ForgetHandledEventsHandler {

  private final NotificationRepository notifications;
  private final Retention retention;

  public ForgetHandledEventsHandler(NotificationRepository notifications, Retention retention) {
    this.notifications = notifications;
    this.retention = retention;
  }

  /** How many ids were forgotten. */
  public int handle() {
    return retention.sweep(notifications::forgetHandledEventsBefore);
  }
}
