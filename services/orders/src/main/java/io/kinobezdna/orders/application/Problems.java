package io.kinobezdna.orders.application;

import io.kinobezdna.orders.domain.OrderStateException;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.UUID;

/** The orders service's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  /**
   * Someone else's order is answered like a missing one: its existence is not the caller's
   * business.
   */
  public static PlatformError orderNotFound(long orderId) {
    return new PlatformError(
        ErrorKind.NOT_FOUND, "ORDER_NOT_FOUND", "There is no order " + orderId + ".");
  }

  public static void requireSelf(Caller caller, UUID userId) {
    if (!caller.mayActFor(userId)) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED,
          "NOT_YOUR_ORDERS",
          "You can only order for yourself and see your own orders.");
    }
  }

  public static PlatformError wrongState(OrderStateException e) {
    return new PlatformError(ErrorKind.FAILED_PRECONDITION, e.reason(), e.getMessage());
  }

  public static PlatformError unknownSku(long sku) {
    return new PlatformError(
        ErrorKind.FAILED_PRECONDITION, "UNKNOWN_SKU", "The catalog does not sell SKU " + sku + ".");
  }

  public static PlatformError skuNotFound(long sku) {
    return new PlatformError(
        ErrorKind.NOT_FOUND, "SKU_NOT_FOUND", "The catalog does not sell SKU " + sku + ".");
  }

  public static PlatformError insufficientStock(long orderId) {
    return new PlatformError(
        ErrorKind.FAILED_PRECONDITION,
        "INSUFFICIENT_STOCK",
        "Not enough stock left for every item: order " + orderId + " failed.");
  }
}
