package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;

/** Pay an order awaiting payment, by its owner or an admin. */
public record PayOrder(Caller caller, long orderId) {}
