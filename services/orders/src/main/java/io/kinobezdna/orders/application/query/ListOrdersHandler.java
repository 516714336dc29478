package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.domain.Order;
import java.util.List;

/** A user lists their own orders (an admin anyone's), a keyset page at a time. */
public final class ListOrdersHandler {

  static final int DEFAULT_PAGE = 20;

  /** The orders shown, and the id to pass for the next page (0: none). */
  public record OrderPage(List<Order> orders, long nextBeforeOrderId) {}

  private final OrderRepository orders;

  public ListOrdersHandler(OrderRepository orders) {
    this.orders = orders;
  }

  public OrderPage handle(ListOrders query) {
    Problems.requireSelf(query.caller(), query.userId());
    int size = query.limit() <= 0 ? DEFAULT_PAGE : query.limit();
    List<Order> page = orders.listByUser(query.userId(), query.beforeOrderId(), size + 1);
    boolean more = page.size() > size;
    List<Order> shown = more ? page.subList(0, size) : page;
    return new OrderPage(shown, more ? shown.getLast().id() : 0);
  }
}
