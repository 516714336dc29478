package io.kinobezdna.orders.application;

import java.util.UUID;

/** Who is asking, as the verified token says: a user acts on their own orders, an admin on any. */
public record Caller(UUID userId, boolean admin) {

  public boolean mayActFor(UUID owner) {
    return admin || userId.equals(owner);
  }
}
