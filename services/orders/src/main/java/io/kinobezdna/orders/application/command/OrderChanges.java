package io.kinobezdna.orders.application.command;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderEvents;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderEvent;
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.orders.domain.OrderStateException;
import io.kinobezdna.orders.domain.Stock;
import io.kinobezdna.platform.id.UuidV7;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What every status change does inside its transaction: store the status, move the stock the change
 * frees or sells, and write the event — together, so an event exists exactly when its change does.
 * Shared by placing, paying, cancelling and the expiry of unpaid orders.
 */
public final class OrderChanges {

  private final OrderRepository orders;
  private final StockRepository stocks;
  private final OrderEvents events;
  private final UuidV7 ids;
  private final Clock clock;

  public OrderChanges(
      OrderRepository orders, StockRepository stocks, OrderEvents events, UuidV7 ids, Clock clock) {
    this.orders = orders;
    this.stocks = stocks;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  /** The caller's own order (any, for an admin), locked; someone else's order is not found. */
  Order lockOwn(Caller caller, long orderId) {
    return orders
        .lock(orderId)
        .filter(order -> caller.mayActFor(order.userId()))
        .orElseThrow(() -> Problems.orderNotFound(orderId));
  }

  /** Runs a status change of the domain; a change the status forbids becomes its problem. */
  static Optional<Order> transition(Supplier<Optional<Order>> change) {
    try {
      return change.get();
    } catch (OrderStateException e) {
      throw Problems.wrongState(e);
    }
  }

  /** Cancels an order that holds a reservation and gives its stock back. */
  void cancel(Order holding, Order cancelled) {
    moveStock(holding, Stock::release);
    record(cancelled);
  }

  /** Pays an order that holds a reservation: its stock is sold. */
  void pay(Order holding, Order paid) {
    moveStock(holding, Stock::sell);
    record(paid);
  }

  /** Stores the order's new status and its event. */
  void record(Order changed) {
    orders.updateStatus(changed);
    events.publish(List.of(eventOf(changed)));
  }

  /**
   * The events of an order just stored in the status that followed its placement: "new" (as
   * placed), then that status, written together.
   */
  void placed(Order asPlaced, Order stored) {
    events.publish(List.of(eventOf(asPlaced), eventOf(stored)));
  }

  private OrderEvent eventOf(Order order) {
    return new OrderEvent(ids.next(), order.id(), order.userId(), order.status(), clock.instant());
  }

  private void moveStock(Order order, BiFunction<Stock, Integer, Stock> move) {
    Map<Long, Stock> locked = stocks.lock(order.lines().stream().map(OrderLine::sku).toList());
    List<Stock> moved = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      moved.add(move.apply(locked.get(line.sku()), line.count()));
    }
    stocks.save(moved);
  }
}
