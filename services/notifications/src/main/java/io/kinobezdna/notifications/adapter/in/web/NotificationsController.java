package io.kinobezdna.notifications.adapter.in.web;

import io.kinobezdna.notifications.application.command.MarkReadHandler;
import io.kinobezdna.notifications.application.query.NotificationQueries;
import io.kinobezdna.notifications.domain.Notification;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  public record MarkRead(String upToId) {}

  private final NotificationQueries queries;
  private final MarkReadHandler markRead;

  public NotificationsController(NotificationQueries queries, MarkReadHandler markRead) {
    this.queries = queries;
    this.markRead = markRead;
  }

  @GetMapping("/notifications")
  NotificationsPage page(
      VerifiedCaller caller,
      @RequestParam(defaultValue = "0") long before,
      @RequestParam(defaultValue = "20") int limit) {
    if (before < 0) {
      throw PlatformError.invalidField("before", "must not be negative");
    }
    NotificationQueries.NotificationPage page = queries.page(userOf(caller), before, limit);
    return new NotificationsPage(
        page.items().stream().map(NotificationView::of).toList(),
        page.nextBeforeId() == 0 ? null : Long.toString(page.nextBeforeId()),
        page.unread());
  }

  @GetMapping("/notifications/unread-count")
  Map<String, Long> unread(VerifiedCaller caller) {
    return Map.of("unread", queries.unreadCount(userOf(caller)));
  }

  @PostMapping("/notifications/read")
  Map<String, Integer> read(VerifiedCaller caller, @RequestBody MarkRead body) {
    long upTo;
    try {
      upTo = Long.parseLong(body.upToId());
    } catch (NumberFormatException | NullPointerException e) {
      throw PlatformError.invalidField("upToId", "must be a notification id");
    }
    return Map.of("marked", markRead.handle(userOf(caller), upTo));
  }

  private static UUID userOf(VerifiedCaller caller) {
    return caller.userUuid();
  }
}
