package io.kinobezdna.orders.application.command;

import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Duration;

/**
 * Pays an order within its payment window: its reservation is sold. The order row is locked first,
 * so a payment, a cancellation and the expiry of one order happen one after the other.
 */
public final class PayOrderHandler {

  private final OrderChanges changes;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration paymentWindow;

  public PayOrderHandler(
      OrderChanges changes, Transactions transactions, Clock clock, Duration paymentWindow) {
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
    this.paymentWindow = paymentWindow;
  }

  public void handle(PayOrder command) {
    transactions.inTransaction(
        () -> {
          var order = changes.lockOwn(command.caller(), command.orderId());
          OrderChanges.transition(() -> order.pay(clock.instant(), paymentWindow))
              .ifPresent(paid -> changes.pay(order, paid));
          return null;
        });
  }
}
