package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.port.CartRepository;

public final class RemoveItemHandler {

  private final CartRepository carts;

  public RemoveItemHandler(CartRepository carts) {
    this.carts = carts;
  }

  public void handle(RemoveItem command) {
    Problems.requireSelf(command.caller(), command.userId());
    carts.remove(command.userId(), command.sku());
  }
}
