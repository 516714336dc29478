package io.kinobezdna.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An order and the rules of its status: new → awaiting payment (stock reserved) or failed (stock
 * short); awaiting payment → paid or cancelled (by the user, or when unpaid for {@link
 * #PAYMENT_WINDOW}). Paying a paid order and cancelling a cancelled one change nothing.
 *
 * @param id 0 until the repository gives it its number
 */
public record Order(
    long id, UUID userId, OrderStatus status, List<OrderLine> lines, Instant createdAt) {

  public Order {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
  }

  /** A new order; lines of the same SKU are added up into one. */
  public static Order place(UUID userId, List<OrderLine> lines, Instant now) {
    Map<Long, Integer> counts = new HashMap<>();
    for (OrderLine line : lines) {
      counts.merge(line.sku(), line.count(), Math::addExact);
    }
    List<OrderLine> merged =
        counts.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> new OrderLine(e.getKey(), e.getValue()))
            .toList();
    return new Order(0, userId, OrderStatus.NEW, merged, now);
  }

  public Order withId(long newId) {
    return new Order(newId, userId, status, lines, createdAt);
  }

  /** Stock was reserved: the order now waits for its payment. */
  public Order reserved() {
    requireStatus(OrderStatus.NEW, "reserve");
    return withStatus(OrderStatus.AWAITING_PAYMENT);
  }

  /** Stock was short: the order cannot go on. */
  public Order failed() {
    requireStatus(OrderStatus.NEW, "fail");
    return withStatus(OrderStatus.FAILED);
  }

  /**
   * The order after payment, or empty when it is already paid (nothing to do). Past its payment
   * window an order cannot be paid, even before the sweeper has cancelled it.
   */
  public Optional<Order> pay(Instant now, Duration paymentWindow) {
    return switch (status) {
      case PAID -> Optional.empty();
      case AWAITING_PAYMENT -> {
        if (!now.isBefore(payBefore(paymentWindow))) {
          throw OrderStateException.expired(status, payBefore(paymentWindow));
        }
        yield Optional.of(withStatus(OrderStatus.PAID));
      }
      default ->
          throw new OrderStateException(status, "A " + status.label() + " order cannot be paid.");
    };
  }

  /** The cancelled order, or empty when it is already cancelled (nothing to do). */
  public Optional<Order> cancel() {
    return switch (status) {
      case CANCELLED -> Optional.empty();
      case AWAITING_PAYMENT -> Optional.of(withStatus(OrderStatus.CANCELLED));
      default ->
          throw new OrderStateException(
              status, "A " + status.label() + " order cannot be cancelled.");
    };
  }

  /** Until when the order can be paid, given how long orders wait for their payment. */
  public Instant payBefore(Duration paymentWindow) {
    return createdAt.plus(paymentWindow);
  }

  /** Whether stock is held for the order (and must be released or sold). */
  public boolean holdsReservation() {
    return status == OrderStatus.AWAITING_PAYMENT;
  }

  private void requireStatus(OrderStatus expected, String change) {
    if (status != expected) {
      throw new OrderStateException(
          status, "Cannot " + change + " a " + status.label() + " order.");
    }
  }

  private Order withStatus(OrderStatus next) {
    return new Order(id, userId, next, lines, createdAt);
  }
}
