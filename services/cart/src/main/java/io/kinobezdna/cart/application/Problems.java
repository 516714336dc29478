package io.kinobezdna.cart.application;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.UUID;

/** The cart's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  public static void requireSelf(Caller caller, UUID userId) {
    if (!caller.admin() && !caller.userId().equals(userId)) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED, "NOT_YOUR_CART", "You can only use your own cart.");
    }
  }

  public static PlatformError emptyCart() {
    return new PlatformError(ErrorKind.NOT_FOUND, "CART_EMPTY", "The cart is empty.");
  }

  public static PlatformError unknownSku(long sku) {
    return new PlatformError(
        ErrorKind.FAILED_PRECONDITION, "UNKNOWN_SKU", "The catalog does not sell SKU " + sku + ".");
  }

  public static PlatformError notEnoughStock(long sku, long available) {
    return new PlatformError(
        ErrorKind.FAILED_PRECONDITION,
        "INSUFFICIENT_STOCK",
        "Only " + available + " of SKU " + sku + " can be ordered.");
  }
}
