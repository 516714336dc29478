package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.application.port.ProductCatalog;

/**
 * An item is added only when catalog sells the SKU and orders can supply what the cart would then
 * hold.
 */
public final class AddItemHandler {

  private final CartRepository carts;
  private final ProductCatalog catalog;
  private final Orders orders;

  public AddItemHandler(CartRepository carts, ProductCatalog catalog, Orders orders) {
    this.carts = carts;
    this.catalog = catalog;
    this.orders = orders;
  }

  public void handle(AddItem command) {
    Problems.requireSelf(command.caller(), command.userId());
    long sku = command.sku();
    catalog.product(sku).orElseThrow(() -> Problems.unknownSku(sku));
    long wanted = (long) carts.find(command.userId()).countOf(sku) + command.count();
    long available = orders.available(sku);
    if (available < wanted) {
      throw Problems.notEnoughStock(sku, available);
    }
    carts.add(command.userId(), sku, command.count());
  }
}
