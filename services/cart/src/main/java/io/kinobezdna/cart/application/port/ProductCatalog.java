package io.kinobezdna.cart.application.port;

import io.kinobezdna.cart.domain.Product;
import java.util.Optional;

/** Catalog's products (rate-limited for all cart instances together). */
public interface ProductCatalog {

  /** The product, or empty when catalog does not sell the SKU. */
  Optional<Product> product(long sku);
}
