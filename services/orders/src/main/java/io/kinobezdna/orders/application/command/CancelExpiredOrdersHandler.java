package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Cancels orders left unpaid past their payment window, releasing their stock. Each batch is one
 * transaction over rows claimed with SKIP LOCKED, so several instances can run it at once without
 * waiting on or doubling each other; a payment racing it either locked the order first (and the
 * expiry skips it this round, then sees it paid) or comes second and finds it cancelled.
 */
public final class CancelExpiredOrdersHandler {

  static final int BATCH = 100;

  private final OrderRepository orders;
  private final StockRepository stocks;
  private final OrderChanges changes;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration paymentWindow;

  public CancelExpiredOrdersHandler(
      OrderRepository orders,
      StockRepository stocks,
      OrderChanges changes,
      Transactions transactions,
      Clock clock,
      Duration paymentWindow) {
    this.orders = orders;
    this.stocks = stocks;
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
    this.paymentWindow = paymentWindow;
  }

  /** Cancels every expired order there is now; returns how many. */
  public int handle() {
    int total = 0;
    int batch;
    do {
      batch = transactions.inTransaction(this::cancelBatch);
      total += batch;
    } while (batch == BATCH);
    return total;
  }

  private int cancelBatch() {
    List<Order> expired =
        orders.lockUnpaidCreatedBefore(clock.instant().minus(paymentWindow), BATCH);
    // all stock rows of the batch locked at once, in SKU order: no deadlock with order creation
    stocks.lock(
        expired.stream().flatMap(o -> o.lines().stream()).map(OrderLine::sku).distinct().toList());
    for (Order order : expired) {
      changes.cancel(order, order.cancel().orElseThrow());
    }
    return expired.size();
  }
}
