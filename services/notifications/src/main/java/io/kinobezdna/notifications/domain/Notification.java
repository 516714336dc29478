package io.kinobezdna.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/** One thing a user was told, in the order it happened; read once the user has seen it. */
public record Notification(
    long id, UUID userId, long orderId, String status, String text, Instant moment, boolean read) {}
