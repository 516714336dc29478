package io.kinobezdna.cart.adapter.out.jdbc;

import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.domain.Cart;
import io.kinobezdna.cart.domain.CartLine;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carts in plain SQL. Every change runs in one transaction that first bumps the cart's version
 * (creating the cart row on first use) — that update also locks the cart, so changes to one cart
 * apply one at a time.
 */
public final class JdbcCartRepository implements CartRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JdbcCartRepository(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** One statement, so one snapshot: the version and the lines always belong together. */
  @Override
  public Cart find(UUID userId) {
    List<CartRow> rows =
        jdbc.sql(
                """
                select c.version, i.sku, i.count
                from (select cast(:user as uuid) as user_id) u
                left join carts c on c.user_id = u.user_id
                left join cart_items i on i.user_id = u.user_id
                order by i.sku
                """)
            .param("user", userId)
            .query(
                (rs, row) ->
                    new CartRow(
                        rs.getLong("version"),
                        rs.getObject("sku") == null
                            ? null
                            : new CartLine(rs.getLong("sku"), rs.getInt("count"))))
            .list();
    List<CartLine> lines = rows.stream().map(CartRow::line).filter(Objects::nonNull).toList();
    return new Cart(userId, lines, rows.getFirst().version());
  }

  /** A row of {@link #find}: the cart's version (0 before its first change) and a line, if any. */
  private record CartRow(long version, CartLine line) {}

  @Override
  public void add(UUID userId, long sku, int count) {
    change(
        userId,
        () ->
            jdbc.sql(
                    """
                    insert into cart_items (user_id, sku, count) values (:user, :sku, :count)
                    on conflict (user_id, sku) do update set count = cart_items.count + excluded.count
                    """)
                .param("user", userId)
                .param("sku", sku)
                .param("count", count)
                .update());
  }

  @Override
  public void remove(UUID userId, long sku) {
    change(
        userId,
        () ->
            jdbc.sql("delete from cart_items where user_id = :user and sku = :sku")
                .param("user", userId)
                .param("sku", sku)
                .update());
  }

  @Override
  public void clear(UUID userId) {
    change(userId, () -> deleteItems(userId));
  }

  /**
   * One statement: the version bump (which locks the cart, and finds nothing when a change came
   * first) and the deletion of the items commit together.
   */
  @Override
  public boolean clearIfAt(UUID userId, long version) {
    return jdbc.sql(
                """
                with bumped as (
                  update carts set version = version + 1
                  where user_id = :user and version = :version returning user_id),
                cleared as (
                  delete from cart_items where user_id in (select user_id from bumped))
                select count(*) from bumped
                """)
            .param("user", userId)
            .param("version", version)
            .query(Long.class)
            .single()
        > 0;
  }

  private int deleteItems(UUID userId) {
    return jdbc.sql("delete from cart_items where user_id = :user").param("user", userId).update();
  }

  private void change(UUID userId, Runnable work) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  insert into carts (user_id, version) values (:user, 1)
                  on conflict (user_id) do update set version = carts.version + 1
                  """)
              .param("user", userId)
              .update();
          work.run();
        });
  }
}
