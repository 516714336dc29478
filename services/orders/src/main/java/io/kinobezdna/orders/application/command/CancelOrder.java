package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;

/** Cancel an order that has not been paid, by its owner or an admin. */
public record CancelOrder(Caller caller, long orderId) {}
