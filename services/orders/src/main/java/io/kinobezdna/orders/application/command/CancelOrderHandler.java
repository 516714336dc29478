package io.kinobezdna.orders.application.command;

import io.kinobezdna.platform.tx.Transactions;

/**
 * Cancels an unpaid order and gives its reservation back; cancelling a cancelled order changes
 * nothing. The order row is locked first, like paying.
 */
public final class CancelOrderHandler {

  private final OrderChanges changes;
  private final Transactions transactions;

  public CancelOrderHandler(OrderChanges changes, Transactions transactions) {
    this.changes = changes;
    this.transactions = transactions;
  }

  public void handle(CancelOrder command) {
    transactions.inTransaction(
        () -> {
          var order = changes.lockOwn(command.caller(), command.orderId());
          OrderChanges.transition(order::cancel)
              .ifPresent(cancelled -> changes.cancel(order, cancelled));
          return null;
        });
  }
}
