package io.kinobezdna.notifications.application.query;

import io.kinobezdna.notifications.domain.Notification;
import java.util.List;

/** A page of notifications, the id to pass as beforeId for the next (0: there is none), unread. */
public record NotificationPage(List<Notification> items, long nextBeforeId, long unread) {}
