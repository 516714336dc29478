package io.kinobezdna.orders.application.port;

import io.kinobezdna.orders.domain.OrderEvent;

/** Status changes for other services; written in the transaction that makes the change. */
public interface OrderEvents {

  void publish(OrderEvent event);
}
