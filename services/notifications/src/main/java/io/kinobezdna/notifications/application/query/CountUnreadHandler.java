package io.kinobezdna.notifications.application.query;

import io.kinobezdna.notifications.application.port.NotificationRepository;

public final class CountUnreadHandler {

  private final NotificationRepository notifications;

  public CountUnreadHandler(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  public long handle(CountUnread query) {
    return notifications.unreadCount(query.userId());
  }
}
