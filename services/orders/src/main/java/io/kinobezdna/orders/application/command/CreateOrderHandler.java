package io.kinobezdna.orders.application.command;

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
 * Creates an order and reserves its stock in one transaction: the reservation (limited stock rows
 * locked in SKU order), the order row in the status that follows from it ("awaiting payment", or
 * "failed" when a SKU is short) and both of its events ("new", then that status) commit together or
 * not at all. A checkout is one transaction of four statements: every extra round trip costs both
 * the service and PostgreSQL CPU on the checkout path (bench/commerce).
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
  public long handle(CreateOrder command) {
    Problems.requireSelf(command.caller(), command.userId());
    String key = command.idempotencyKey();
    Order placed = Order.place(command.userId(), command.lines(), clock.instant());
    Placement placement = transactions.inTransaction(() -> createAndReserve(placed, key));
    if (placement instanceof Placement.StockUnknown unknown) {
      // nothing was written: catalog is asked outside any transaction, then the order is tried
      // again against the new rows
      provisionStock(unknown.skus());
      placement = transactions.inTransaction(() -> createAndReserve(placed, key));
    }
    if (!(placement instanceof Placement.Created created)) {
      throw new IllegalStateException("stock rows missing right after they were added");
    }
    return outcome(created.order());
  }

  /** What one attempt did: the order (new, or earlier under the key), or which SKUs lack stock. */
  private sealed interface Placement {
    record Created(Order order) implements Placement {}

    record StockUnknown(List<Long> skus) implements Placement {}
  }

  /** Stock rows for SKUs seen for the first time, from what catalog says they are. */
  private void provisionStock(List<Long> skus) {
    List<Stock> fresh = new ArrayList<>();
    for (long sku : skus) {
      fresh.add(
          policy.initial(sku, products.kind(sku).orElseThrow(() -> Problems.unknownSku(sku))));
    }
    transactions.inTransaction(
        () -> {
          stocks.addIfAbsent(fresh);
          return null;
        });
  }

  private Placement createAndReserve(Order placed, String key) {
    List<Long> skus = placed.lines().stream().map(OrderLine::sku).toList();
    Map<Long, Stock> locked = stocks.lock(skus);
    List<Long> unknown = skus.stream().filter(sku -> !locked.containsKey(sku)).toList();
    if (!unknown.isEmpty()) {
      return new Placement.StockUnknown(unknown);
    }
    List<Stock> reserved = new ArrayList<>();
    boolean inStock = true;
    for (OrderLine line : placed.lines()) {
      Stock stock = locked.get(line.sku());
      inStock &= stock.canReserve(line.count());
      if (inStock) {
        reserved.add(stock.reserve(line.count()));
      }
    }
    Order decided = inStock ? placed.reserved() : placed.failed();
    Optional<Order> inserted = orders.insert(decided, key);
    if (inserted.isEmpty()) {
      // an earlier attempt under this key (a retried checkout) has the order: answer with it,
      // reserving nothing
      return new Placement.Created(orders.findByIdempotencyKey(placed.userId(), key).orElseThrow());
    }
    Order order = inserted.get();
    if (inStock) {
      stocks.save(reserved);
    }
    changes.placed(placed.withId(order.id()), order);
    return new Placement.Created(order);
  }

  private static long outcome(Order order) {
    if (order.status() == OrderStatus.FAILED) {
      throw Problems.insufficientStock(order.id());
    }
    return order.id();
  }
}
