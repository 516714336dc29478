package io.kinobezdna.notifications.application.query;

import io.kinobezdna.notifications.application.port.NotificationRepository;
import io.kinobezdna.notifications.domain.Notification;
import java.util.List;
import java.util.UUID;

/** A user's own notifications: a page of them, and how many are unread (the bell). */
public final class NotificationQueries {

  static final int MAX_PAGE = 100;

  private final NotificationRepository notifications;

  public NotificationQueries(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** A page, newest first, and the id to pass as beforeId for the next (0: there is none). */
  public NotificationPage page(UUID userId, long beforeId, int limit) {
    int size = Math.clamp(limit, 1, MAX_PAGE);
    List<Notification> found = notifications.list(userId, beforeId, size + 1);
    boolean more = found.size() > size;
    List<Notification> shown = more ? found.subList(0, size) : found;
    return new NotificationPage(
        shown, more ? shown.getLast().id() : 0, notifications.unreadCount(userId));
  }

  public long unreadCount(UUID userId) {
    return notifications.unreadCount(userId);
  }

  public record NotificationPage(List<Notification> items, long nextBeforeId, long unread) {}
}
