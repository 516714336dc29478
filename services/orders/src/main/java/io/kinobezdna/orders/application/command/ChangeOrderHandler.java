package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderStateException;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pays or cancels an order at its owner's (or an admin's) request. The order row is locked first,
 * so a payment and a cancellation of the same order — or the expiry — happen one after the other,
 * and the second sees what the first did.
 */
public final class ChangeOrderHandler {

  private final OrderRepository orders;
  private final OrderChanges changes;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration paymentWindow;

  public ChangeOrderHandler(
      OrderRepository orders,
      OrderChanges changes,
      Transactions transactions,
      Clock clock,
      Duration paymentWindow) {
    this.orders = orders;
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
    this.paymentWindow = paymentWindow;
  }

  public void pay(Caller caller, long orderId) {
    transactions.inTransaction(
        () -> {
          Order order = ownLocked(caller, orderId);
          transition(() -> order.pay(clock.instant(), paymentWindow))
              .ifPresent(paid -> changes.pay(order, paid));
          return null;
        });
  }

  public void cancel(Caller caller, long orderId) {
    transactions.inTransaction(
        () -> {
          Order order = ownLocked(caller, orderId);
          transition(order::cancel).ifPresent(cancelled -> changes.cancel(order, cancelled));
          return null;
        });
  }

  private Order ownLocked(Caller caller, long orderId) {
    return orders
        .lock(orderId)
        .filter(order -> caller.mayActFor(order.userId()))
        .orElseThrow(() -> Problems.orderNotFound(orderId));
  }

  private static Optional<Order> transition(Supplier<Optional<Order>> change) {
    try {
      return change.get();
    } catch (OrderStateException e) {
      throw Problems.wrongState(e);
    }
  }
}
