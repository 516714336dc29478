package io.kinobezdna.cart.application;

import java.util.UUID;

/** Who is asking, as the verified token says: a user works on their own cart, an admin on any. */
public record Caller(UUID userId, boolean admin) {}
