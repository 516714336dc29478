package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Caller;
import java.util.UUID;

/** Takes a SKU out of a user's cart, whatever its count. */
public record RemoveItem(Caller caller, UUID userId, long sku) {}
