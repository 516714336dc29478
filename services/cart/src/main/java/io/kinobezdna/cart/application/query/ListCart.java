package io.kinobezdna.cart.application.query;

import io.kinobezdna.cart.application.Caller;
import java.util.UUID;

/** A user's cart with names and prices. */
public record ListCart(Caller caller, UUID userId) {}
