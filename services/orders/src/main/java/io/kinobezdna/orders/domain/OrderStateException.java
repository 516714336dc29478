package io.kinobezdna.orders.domain;

import java.time.Instant;

/** A change the order's status does not allow (paying a cancelled order). */
public final class OrderStateException extends RuntimeException {

  private final OrderStatus status;
  private final String reason;

  public OrderStateException(OrderStatus status, String message) {
    this(status, "ORDER_" + status.name(), message);
  }

  private OrderStateException(OrderStatus status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** An order whose payment window closed at {@code payBefore}. */
  static OrderStateException expired(OrderStatus status, Instant payBefore) {
    return new OrderStateException(
        status,
        "ORDER_EXPIRED",
        "The order could be paid until " + payBefore + "; it can no longer be paid.");
  }

  public OrderStatus status() {
    return status;
  }

  /** The problem's reason code: {@code ORDER_<STATUS>}, or {@code ORDER_EXPIRED}. */
  public String reason() {
    return reason;
  }
}
