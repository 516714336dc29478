package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Caller;
import java.util.UUID;

/** Puts {@code count} more of a SKU into a user's cart. */
public record AddItem(Caller caller, UUID userId, long sku, int count) {}
