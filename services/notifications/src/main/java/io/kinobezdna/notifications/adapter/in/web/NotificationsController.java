package io.kinobezdna.notifications.adapter.in.web;

import io.kinobezdna.notifications.application.command.MarkRead;
import io.kinobezdna.notifications.application.command.MarkReadHandler;
import io.kinobezdna.notifications.application.query.CountUnread;
import io.kinobezdna.notifications.application.query.CountUnreadHandler;
import io.kinobezdna.notifications.application.query.ListNotifications;
import io.kinobezdna.notifications.application.query.ListNotificationsHandler;
import io.kinobezdna.notifications.application.query.NotificationPage;
import io.kinobezdna.notifications.domain.Notification;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notifications over REST (the gateway exposes them under /api/notifications);
 * there is no user id in any path: everyone sees only their own.
 */
@RestController
public class NotificationsController {

  public record NotificationView(
      String id, String orderId, String status, String text, String moment, boolean read) {

    static NotificationView of(Notification n) {
      return new NotificationView(
          Long.toString(n.id()),
          Long.toString(n.orderId()),
          n.status(),
          n.text(),
          n.moment().toString(),
          n.read());
    }
  }

  public record NotificationsPage(List<NotificationView> items, String nextBefore, long unread) {}

  public record MarkReadBody(String upToId) {}

  private final ListNotificationsHandler list;
  private final CountUnreadHandler countUnread;
  private final MarkReadHandler markRead;

  public NotificationsController(
      ListNotificationsHandler list, CountUnreadHandler countUnread, MarkReadHandler markRead) {
    this.list = list;
    this.countUnread = countUnread;
    this.markRead = markRead;
  }

  @GetMapping("/notifications")
  NotificationsPage page(
      VerifiedCaller caller,
      @RequestParam(defaultValue = "0") long before,
      @RequestParam(defaultValue = "20") int limit) {
    NotificationPage page = list.handle(new ListNotifications(caller.userUuid(), before, limit));
    return new NotificationsPage(
        page.items().stream().map(NotificationView::of).toList(),
        page.nextBeforeId() == 0 ? null : Long.toString(page.nextBeforeId()),
        page.unread());
  }

  @GetMapping("/notifications/unread-count")
  Map<String, Long> unread(VerifiedCaller caller) {
    return Map.of("unread", countUnread.handle(new CountUnread(caller.userUuid())));
  }

  @PostMapping("/notifications/read")
  Map<String, Integer> read(VerifiedCaller caller, @RequestBody MarkReadBody body) {
    long upTo;
    try {
      upTo = Long.parseLong(body.upToId());
    } catch (NumberFormatException | NullPointerException e) {
      throw PlatformError.invalidField("upToId", "must be a notification id");
    }
    return Map.of("marked", markRead.handle(new MarkRead(caller.userUuid(), upTo)));
  }
}
