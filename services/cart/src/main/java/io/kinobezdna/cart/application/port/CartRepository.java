package io.kinobezdna.cart.application.port;

import io.kinobezdna.cart.domain.Cart;
import java.util.UUID;

/** Carts in PostgreSQL. Each change is atomic on its own and bumps the cart's version. */
public interface CartRepository {

  Cart find(UUID userId);

  /** Adds count of the SKU to what the cart holds. */
  void add(UUID userId, long sku, int count);

  void remove(UUID userId, long sku);

  void clear(UUID userId);

  /** Empties the cart only if it is still at this version; false when it changed meanwhile. */
  boolean clearIfAt(UUID userId, long version);
}
