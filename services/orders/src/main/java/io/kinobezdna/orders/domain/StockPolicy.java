package io.kinobezdna.orders.domain;

/**
 * The stock a SKU starts with when orders first sees it: so many seats per premiere, digital
 * unlimited.
 */
public record StockPolicy(long premiereSeats) {

  public StockPolicy {
    if (premiereSeats < 0) {
      throw new IllegalArgumentException("premiere seats cannot be negative");
    }
  }

  public Stock initial(long sku, ProductKind kind) {
    return switch (kind) {
      case DIGITAL -> Stock.unlimited(sku);
      case TICKET -> Stock.limited(sku, premiereSeats);
    };
  }
}
