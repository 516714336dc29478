package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Caller;

/** One order, for its owner or an admin. */
public record GetOrder(Caller caller, long orderId) {}
