package io.kinobezdna.orders.application.port;

import io.kinobezdna.orders.domain.Stock;
import java.util.Collection;
import java.util.Map;

/** Stock rows in PostgreSQL; every method joins the caller's transaction. */
public interface StockRepository {

  /** Adds rows for SKUs seen for the first time; rows that exist are kept as they are. */
  void addIfAbsent(Collection<Stock> stocks);

  /**
   * The rows of these SKUs, the limited ones locked in SKU order (so two orders never wait on each
   * other in a circle; unlimited rows never change and need no lock).
   */
  Map<Long, Stock> lock(Collection<Long> skus);

  /** The rows of these SKUs that exist, without locking them. */
  Map<Long, Stock> find(Collection<Long> skus);

  void save(Collection<Stock> stocks);
}
