package io.kinobezdna.orders.domain;

/** A change the order's status does not allow (paying a cancelled order). */
public final class OrderStateException extends RuntimeException {

  private final OrderStatus status;

  public OrderStateException(OrderStatus status, String message) {
    super(message);
    this.status = status;
  }

  public OrderStatus status() {
    return status;
  }
}
