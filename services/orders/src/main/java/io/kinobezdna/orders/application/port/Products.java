package io.kinobezdna.orders.application.port;

import io.kinobezdna.orders.domain.ProductKind;
import java.util.Optional;

/** What catalog sells. */
public interface Products {

  /** How a SKU is sold, or empty when catalog does not sell it. */
  Optional<ProductKind> kind(long sku);
}
