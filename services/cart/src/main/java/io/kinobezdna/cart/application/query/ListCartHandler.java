package io.kinobezdna.cart.application.query;

import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.pool.Cancellation;
import io.kinobezdna.cart.application.pool.WorkerPool;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.domain.Cart;
import io.kinobezdna.cart.domain.CartLine;
import io.kinobezdna.cart.domain.PricedCart;
import io.kinobezdna.cart.domain.Product;
import java.util.List;

/**
 * The cart with names and prices: one catalog call per line, made concurrently by the {@link
 * WorkerPool} (in line order in the answer; the first failure — catalog down, deadline passed —
 * ends the whole query).
 */
public final class ListCartHandler {

  private final CartRepository carts;
  private final ProductCatalog catalog;
  private final WorkerPool pool;

  public ListCartHandler(CartRepository carts, ProductCatalog catalog, WorkerPool pool) {
    this.carts = carts;
    this.catalog = catalog;
    this.pool = pool;
  }

  public PricedCart handle(ListCart query, Cancellation cancellation) {
    Problems.requireSelf(query.caller(), query.userId());
    Cart cart = carts.find(query.userId());
    if (cart.isEmpty()) {
      throw Problems.emptyCart();
    }
    List<Product> products = pool.map(cart.lines(), line -> productOf(line), cancellation);
    return PricedCart.of(cart.lines(), products);
  }

  private Product productOf(CartLine line) {
    return catalog.product(line.sku()).orElse(null);
  }
}
