package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Caller;
import java.util.UUID;

/** Turns a user's cart into an order. */
public record Checkout(Caller caller, UUID userId) {}
