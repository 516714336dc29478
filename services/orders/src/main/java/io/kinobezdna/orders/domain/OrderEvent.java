package io.kinobezdna.orders.domain;

import java.time.Instant;
import java.util.UUID;

/** An order reached a status: published to loms.order-events once its transaction commits. */
public record OrderEvent(
    UUID eventId, long orderId, UUID userId, OrderStatus status, Instant moment) {}
