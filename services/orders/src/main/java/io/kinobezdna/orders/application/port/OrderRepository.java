package io.kinobezdna.orders.application.port;

import io.kinobezdna.orders.domain.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders in PostgreSQL; every method joins the caller's transaction. */
public interface OrderRepository {

  /**
   * Stores a new order and gives it its number; empty when the user already has an order under this
   * idempotency key (the caller then reads that one).
   */
  Optional<Order> insert(Order order, String idempotencyKey);

  Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey);

  Optional<Order> find(long orderId);

  /** The order, locked until the transaction ends, so changes to one order happen one at a time. */
  Optional<Order> lock(long orderId);

  void updateStatus(Order order);

  /** The user's orders, newest first, older than beforeOrderId (0: from the newest). */
  List<Order> listByUser(UUID userId, long beforeOrderId, int limit);

  /**
   * Up to limit orders awaiting payment created before the cutoff, locked; rows another instance
   * has locked are skipped, so instances share the work without waiting on each other.
   */
  List<Order> lockUnpaidCreatedBefore(Instant cutoff, int limit);
}
