package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.domain.OrderLine;
import java.util.List;
import java.util.UUID;

/**
 * Create an order for userId (the caller, or anyone for an admin) and reserve its stock.
 *
 * @param idempotencyKey empty for none; a retry with the same key returns the first order
 */
public record CreateOrder(
    Caller caller, UUID userId, List<OrderLine> lines, String idempotencyKey) {}
