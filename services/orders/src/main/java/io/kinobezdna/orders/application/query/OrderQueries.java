package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Caller;
import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.domain.Order;
import java.util.List;
import java.util.UUID;

/** Reading orders: a user sees their own, an admin any. */
public final class OrderQueries {

  static final int DEFAULT_PAGE = 20;

  private final OrderRepository orders;

  public OrderQueries(OrderRepository orders) {
    this.orders = orders;
  }

  public Order info(Caller caller, long orderId) {
    return orders
        .find(orderId)
        .filter(order -> caller.mayActFor(order.userId()))
        .orElseThrow(() -> Problems.orderNotFound(orderId));
  }

  /** A page of the user's orders, newest first, and the id to pass for the next one (0: none). */
  public OrderPage list(Caller caller, UUID userId, long beforeOrderId, int limit) {
    Problems.requireSelf(caller, userId);
    int size = limit <= 0 ? DEFAULT_PAGE : limit;
    List<Order> page = orders.listByUser(userId, beforeOrderId, size + 1);
    boolean more = page.size() > size;
    List<Order> shown = more ? page.subList(0, size) : page;
    return new OrderPage(shown, more ? shown.getLast().id() : 0);
  }

  public record OrderPage(List<Order> orders, long nextBeforeOrderId) {}
}
