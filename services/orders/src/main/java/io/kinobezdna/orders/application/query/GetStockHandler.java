package io.kinobezdna.orders.application.query;

import io.kinobezdna.orders.application.Problems;
import io.kinobezdna.orders.application.port.Products;
import io.kinobezdna.orders.application.port.StockRepository;
import io.kinobezdna.orders.domain.Stock;
import io.kinobezdna.orders.domain.StockPolicy;
import java.util.List;

/**
 * How many of a SKU can be ordered. A SKU no order has named yet has no row: its stock is what it
 * would start with (the query writes nothing).
 */
public final class GetStockHandler {

  private final StockRepository stocks;
  private final Products products;
  private final StockPolicy policy;

  public GetStockHandler(StockRepository stocks, Products products, StockPolicy policy) {
    this.stocks = stocks;
    this.products = products;
    this.policy = policy;
  }

  public Stock handle(GetStock query) {
    long sku = query.sku();
    Stock known = stocks.find(List.of(sku)).get(sku);
    if (known != null) {
      return known;
    }
    return policy.initial(sku, products.kind(sku).orElseThrow(() -> Problems.skuNotFound(sku)));
  }
}
