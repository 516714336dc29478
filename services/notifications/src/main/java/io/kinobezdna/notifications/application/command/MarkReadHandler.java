package io.kinobezdna.notifications.application.command;

import io.kinobezdna.notifications.application.port.NotificationRepository;

/** A user has seen their notifications up to one of them. */
public final class MarkReadHandler {

  private final NotificationRepository notifications;

  public MarkReadHandler(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  public int handle(MarkRead command) {
    return notifications.markRead(command.userId(), command.upToId());
  }
}
