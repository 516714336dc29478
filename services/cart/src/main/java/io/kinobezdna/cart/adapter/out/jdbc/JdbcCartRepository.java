package io.kinobezdna.cart.adapter.out.jdbc;

import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.domain.Cart;
import io.kinobezdna.cart.domain.CartLine;
import java.util.List;
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

  @Override
  public Cart find(UUID userId) {
    return transactions.execute(
        status -> {
          long version =
              jdbc.sql("select version from carts where user_id = :user")
                  .param("user", userId)
                  .query(Long.class)
                  .optional()
                  .orElse(0L);
          List<CartLine> lines =
              jdbc.sql(
                      "select sku, count from cart_items where user_id = :user order by added_at, sku")
                  .param("user", userId)
                  .query((rs, row) -> new CartLine(rs.getLong("sku"), rs.getInt("count")))
                  .list();
          return new Cart(userId, lines, version);
        });
  }

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

  @Override
  public boolean clearIfAt(UUID userId, long version) {
    Boolean cleared =
        transactions.execute(
            status -> {
              int bumped =
                  jdbc.sql(
                          "update carts set version = version + 1"
                              + " where user_id = :user and version = :version")
                      .param("user", userId)
                      .param("version", version)
                      .update();
              if (bumped == 0) {
                return false;
              }
              deleteItems(userId);
              return true;
            });
    return Boolean.TRUE.equals(cleared);
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
