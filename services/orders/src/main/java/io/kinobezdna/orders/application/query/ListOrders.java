package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Caller;
import java.util.UUID;

/**
 * A page of a user's orders, newest first, before {@code beforeOrderId} (0: from the newest);
 * {@code limit} 0 means the default page.
 */
public record ListOrders(Caller caller, UUID userId, long beforeOrderId, int limit) {}
