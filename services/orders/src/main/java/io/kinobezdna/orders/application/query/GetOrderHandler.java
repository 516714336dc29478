package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.domain.Order;

/** A user sees their own orders, an admin any; someone else's order is not found. */
public final class GetOrderHandler {

  private final OrderRepository orders;

  public GetOrderHandler(OrderRepository orders) {
    this.orders = orders;
  }

  public Order handle(GetOrder query) {
    return orders
        .find(query.orderId())
        .filter(order -> query.caller().mayActFor(order.userId()))
        .orElseThrow(() -> Problems.orderNotFound(query.orderId()));
  }
}
