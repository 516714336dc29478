package io.kinobezdna.orders.adapter.out.jdbc;

import io.kinobezdna.orders.application.port.OrderRepository;
import io.kinobezdna.orders.domain.Order;
import io.kinobezdna.orders.domain.OrderLine;
import io.kinobezdna.orders.domain.OrderStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders in plain SQL; the lines are the row's parallel sku/count arrays. */
public final class JdbcOrderRepository implements OrderRepository {

  private static final String COLUMNS = "id, user_id, status, skus, counts, created_at";

  private final JdbcClient jdbc;

  public JdbcOrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Order> insert(Order order, String idempotencyKey) {
    Long[] skus = order.lines().stream().map(OrderLine::sku).toArray(Long[]::new);
    Integer[] counts = order.lines().stream().map(OrderLine::count).toArray(Integer[]::new);
    Timestamp created = Timestamp.from(order.createdAt());
    return jdbc.sql(
            """
            insert into orders (user_id, status, skus, counts, created_at, updated_at, idempotency_key)
            values (:user, :status, :skus, :counts, :created, :created, :key)
            on conflict (user_id, idempotency_key) where idempotency_key is not null do nothing
            returning id
            """)
        .param("user", order.userId())
        .param("status", order.status().label())
        .param("skus", skus)
        .param("counts", counts)
        .param("created", created)
        .param("key", idempotencyKey.isEmpty() ? null : idempotencyKey)
        .query(Long.class)
        .optional()
        .map(order::withId);
  }

  @Override
  public Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey) {
    return jdbc.sql(
            "select " + COLUMNS + " from orders where user_id = :user and idempotency_key = :key")
        .param("user", userId)
        .param("key", idempotencyKey)
        .query(JdbcOrderRepository::order)
        .optional();
  }

  @Override
  public Optional<Order> find(long orderId) {
    return jdbc.sql("select " + COLUMNS + " from orders where id = :id")
        .param("id", orderId)
        .query(JdbcOrderRepository::order)
        .optional();
  }

  @Override
  public Optional<Order> lock(long orderId) {
    return jdbc.sql("select " + COLUMNS + " from orders where id = :id for update")
        .param("id", orderId)
        .query(JdbcOrderRepository::order)
        .optional();
  }

  @Override
  public void updateStatus(Order order) {
    jdbc.sql("update orders set status = :status, updated_at = now() where id = :id")
        .param("status", order.status().label())
        .param("id", order.id())
        .update();
  }

  @Override
  public List<Order> listByUser(UUID userId, long beforeOrderId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from orders where user_id = :user and (:before = 0 or id < :before)"
                + " order by id desc limit :limit")
        .param("user", userId)
        .param("before", beforeOrderId)
        .param("limit", limit)
        .query(JdbcOrderRepository::order)
        .list();
  }

  @Override
  public List<Order> lockUnpaidCreatedBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from orders where status = 'awaiting payment' and created_at < :cutoff"
                + " order by created_at limit :limit for update skip locked")
        .param("cutoff", Timestamp.from(cutoff))
        .param("limit", limit)
        .query(JdbcOrderRepository::order)
        .list();
  }

  private static Order order(ResultSet rs, int row) throws SQLException {
    Long[] skus = (Long[]) arrayOf(rs.getArray("skus"));
    Integer[] counts = (Integer[]) arrayOf(rs.getArray("counts"));
    List<OrderLine> lines = new ArrayList<>(skus.length);
    for (int i = 0; i < skus.length; i++) {
      lines.add(new OrderLine(skus[i], counts[i]));
    }
    return new Order(
        rs.getLong("id"),
        rs.getObject("user_id", UUID.class),
        OrderStatus.ofLabel(rs.getString("status")),
        lines,
        rs.getTimestamp("created_at").toInstant());
  }

  private static Object arrayOf(Array array) throws SQLException {
    try {
      return array.getArray();
    } finally {
      array.free();
    }
  }
}
