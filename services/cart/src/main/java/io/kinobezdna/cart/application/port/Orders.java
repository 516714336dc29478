package io.kinobezdna.cart.application.port;

import io.kinobezdna.cart.domain.CartLine;
import java.util.List;
import java.util.UUID;

/** The orders service (LOMS). */
public interface Orders {

  /** How many of the SKU can be ordered (Long.MAX_VALUE when unlimited). */
  long available(long sku);

  /**
   * Creates an order of the lines; the same idempotency key returns the same order. Fails with the
   * orders service's problem (e.g. INSUFFICIENT_STOCK) when it cannot be placed.
   */
  long createOrder(UUID userId, List<CartLine> lines, String idempotencyKey);
}
