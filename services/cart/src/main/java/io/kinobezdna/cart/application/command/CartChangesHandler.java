package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Caller;
import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.application.port.ProductCatalog;
import java.util.UUID;

/**
 * Adding to, removing from and emptying a cart. An item is added only when catalog sells the SKU
 * and orders can supply what the cart would then hold.
 */
public final class CartChangesHandler {

  private final CartRepository carts;
  private final ProductCatalog catalog;
  private final Orders orders;

  public CartChangesHandler(CartRepository carts, ProductCatalog catalog, Orders orders) {
    this.carts = carts;
    this.catalog = catalog;
    this.orders = orders;
  }

  public void add(Caller caller, UUID userId, long sku, int count) {
    Problems.requireSelf(caller, userId);
    catalog.product(sku).orElseThrow(() -> Problems.unknownSku(sku));
    long wanted = (long) carts.find(userId).countOf(sku) + count;
    long available = orders.available(sku);
    if (available < wanted) {
      throw Problems.notEnoughStock(sku, available);
    }
    carts.add(userId, sku, count);
  }

  public void remove(Caller caller, UUID userId, long sku) {
    Problems.requireSelf(caller, userId);
    carts.remove(userId, sku);
  }

  public void clear(Caller caller, UUID userId) {
    Problems.requireSelf(caller, userId);
    carts.clear(userId);
  }
}
