package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.orders.domain.OrderStatus;
import io.kinobezdna.orders.domain.Stock;
import io.kinobezdna.orders.domain.StockPolicy;
import io.kinobezdna.platform.tx.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates an order and reserves its stock in one transaction: the order row, its "new" event, the
 * reservation (limited stock rows locked in SKU order) and its "awaiting payment" — or, when a SKU
 * is short, "failed" — event commit together or not at all.
 */
public final class CreateOrderHandler {

  private final OrderRepository orders;
  private final StockRepository stocks;
  private final Products products;
  private final StockPolicy policy;
  private final OrderChanges changes;
  private final Transactions transactions;
  private final Clock clock;

  public CreateOrderHandler(
      OrderRepository orders,
      StockRepository stocks,
      Products products,
      StockPolicy policy,
      OrderChanges changes,
      Transactions transactions,
      Clock clock) {
    this.orders = orders;
    this.stocks = stocks;
    this.products = products;
    this.policy = policy;
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The new (or, for a repeated idempotency key, the earlier) order's id. */
  public long handle(Caller caller, CreateOrder command) {
    Problems.requireSelf(caller, command.userId());
    String key = command.idempotencyKey();
    Order placed = Order.place(command.userId(), command.lines(), clock.instant());
    List<Long> skus = placed.lines().stream().map(OrderLine::sku).toList();
    // one read for both: an earlier order under this key, and which SKUs have stock rows yet
    Lookup lookup =
        transactions.inTransaction(
            () ->
                new Lookup(
                    key.isEmpty()
                        ? Optional.empty()
                        : orders.findByIdempotencyKey(command.userId(), key),
                    stocks.find(skus)));
    if (lookup.earlier().isPresent()) {
      return outcome(lookup.earlier().get());
    }
    provisionStock(skus, lookup.known());
    Order created = transactions.inTransaction(() -> createAndReserve(placed, key));
    return outcome(created);
  }

  private record Lookup(Optional<Order> earlier, Map<Long, Stock> known) {}

  /** Stock rows for SKUs seen for the first time, from what catalog says they are. */
  private void provisionStock(List<Long> skus, Map<Long, Stock> known) {
    List<Stock> fresh = new ArrayList<>();
    for (long sku : skus) {
      if (!known.containsKey(sku)) {
        fresh.add(
            policy.initial(sku, products.kind(sku).orElseThrow(() -> Problems.unknownSku(sku))));
      }
    }
    if (!fresh.isEmpty()) {
      transactions.inTransaction(
          () -> {
            stocks.addIfAbsent(fresh);
            return null;
          });
    }
  }

  private Order createAndReserve(Order placed, String key) {
    Optional<Order> inserted = orders.insert(placed, key);
    if (inserted.isEmpty()) {
      // a concurrent attempt with the same key won the insert: answer with its order
      return orders.findByIdempotencyKey(placed.userId(), key).orElseThrow();
    }
    Order order = inserted.get();
    changes.published(order);
    Map<Long, Stock> locked = stocks.lock(order.lines().stream().map(OrderLine::sku).toList());
    List<Stock> reserved = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      Stock stock = locked.get(line.sku());
      if (!stock.canReserve(line.count())) {
        Order failed = order.failed();
        changes.record(failed);
        return failed;
      }
      reserved.add(stock.reserve(line.count()));
    }
    stocks.save(reserved);
    Order awaiting = order.reserved();
    changes.record(awaiting);
    return awaiting;
  }

  private static long outcome(Order order) {
    if (order.status() == OrderStatus.FAILED) {
      throw Problems.insufficientStock(order.id());
    }
    return order.id();
  }
}
