package io.kinobezdna.cart.application.command;

import io.kinobezdna.cart.application.Problems;
import io.kinobezdna.cart.application.port.CartRepository;

public final class ClearCartHandler {

  private final CartRepository carts;

  public ClearCartHandler(CartRepository carts) {
    this.carts = carts;
  }

  public void handle(ClearCart command) {
    Problems.requireSelf(command.caller(), command.userId());
    carts.clear(command.userId());
  }
}
