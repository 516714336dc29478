package io.kinobezdna.orders.application.port;

import io.kinobezdna.orders.domain.OrderEvent;
import java.util.List;

/** Status changes for other services; written in the transaction that makes the change. */
public interface OrderEvents {

  /** Publishes the events in this order. */
  void publish(List<OrderEvent> events);
}
