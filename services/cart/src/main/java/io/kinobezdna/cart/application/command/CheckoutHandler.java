package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.domain.Cart;
import java.util.UUID;

/**
 * Turns the cart into an order, then empties it. The order is created under the cart's version as
 * its idempotency key, so a checkout retried after a lost answer (or a double click) gets the same
 * order, never a second one; the cart is emptied only if nothing was added meanwhile, so an item
 * added during the checkout is not lost. When orders refuses (stock short) the cart is kept.
 */
public final class CheckoutHandler {

  private final CartRepository carts;
  private final Orders orders;

  public CheckoutHandler(CartRepository carts, Orders orders) {
    this.carts = carts;
    this.orders = orders;
  }

  public long handle(Checkout command) {
    UUID userId = command.userId();
    Problems.requireSelf(command.caller(), userId);
    Cart cart = carts.find(userId);
    if (cart.isEmpty()) {
      throw Problems.emptyCart();
    }
    long orderId = orders.createOrder(userId, cart.lines(), cart.checkoutKey());
    carts.clearIfAt(userId, cart.version());
    return orderId;
  }
}
