package io.kinobezdna.orders.adapter.out.jdbc;

import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.domain.Stock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stock rows in plain SQL. */
public final class JdbcStockRepository implements StockRepository {

  private final JdbcClient jdbc;

  public JdbcStockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void addIfAbsent(Collection<Stock> stocks) {
    for (Stock stock : stocks) {
      jdbc.sql(
              """
              insert into stocks (sku, unlimited, total, reserved)
              values (:sku, :unlimited, :total, :reserved) on conflict (sku) do nothing
              """)
          .param("sku", stock.sku())
          .param("unlimited", stock.unlimited())
          .param("total", stock.total())
          .param("reserved", stock.reserved())
          .update();
    }
  }

  /**
   * Only limited rows are locked: an unlimited row never changes, and locking it would make every
   * order of a popular digital offer wait for the one before it.
   */
  @Override
  public Map<Long, Stock> lock(Collection<Long> skus) {
    Map<Long, Stock> rows = select(skus, "");
    List<Long> limited =
        rows.values().stream().filter(stock -> !stock.unlimited()).map(Stock::sku).toList();
    if (!limited.isEmpty()) {
      rows.putAll(select(limited, " order by sku for update"));
    }
    return rows;
  }

  @Override
  public Map<Long, Stock> find(Collection<Long> skus) {
    return select(skus, "");
  }

  private Map<Long, Stock> select(Collection<Long> skus, String suffix) {
    Map<Long, Stock> found = new LinkedHashMap<>();
    if (skus.isEmpty()) {
      return found;
    }
    jdbc.sql("select sku, unlimited, total, reserved from stocks where sku = any(:skus)" + suffix)
        .param("skus", skus.toArray(Long[]::new))
        .query(JdbcStockRepository::stock)
        .list()
        .forEach(stock -> found.put(stock.sku(), stock));
    return found;
  }

  @Override
  public void save(Collection<Stock> stocks) {
    for (Stock stock : stocks) {
      if (!stock.unlimited()) {
        jdbc.sql("update stocks set total = :total, reserved = :reserved where sku = :sku")
            .param("total", stock.total())
            .param("reserved", stock.reserved())
            .param("sku", stock.sku())
            .update();
      }
    }
  }

  private static Stock stock(ResultSet rs, int row) throws SQLException {
    return new Stock(
        rs.getLong("sku"), rs.getBoolean("unlimited"), rs.getLong("total"), rs.getLong("reserved"));
  }
}
