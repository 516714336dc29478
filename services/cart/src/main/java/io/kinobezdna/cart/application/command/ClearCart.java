package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Caller;
import java.util.UUID;

/** Empties a user's cart. */
public record ClearCart(Caller caller, UUID userId) {}
