package io.kinobezdna.notifications.application.query;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.Notification;
import java.util.List;

public final class ListNotificationsHandler {

  private final NotificationRepository notifications;

  public ListNotificationsHandler(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  public NotificationPage handle(ListNotifications query) {
    List<Notification> found =
        notifications.list(query.userId(), query.beforeId(), query.limit() + 1);
    boolean more = found.size() > query.limit();
    List<Notification> shown = more ? found.subList(0, query.limit()) : found;
    return new NotificationPage(
        shown, more ? shown.getLast().id() : 0, notifications.unreadCount(query.userId()));
  }
}
