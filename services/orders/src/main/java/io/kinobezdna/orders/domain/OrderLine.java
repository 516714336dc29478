package io.kinobezdna.orders.domain;

/** So many of one SKU in an order. */
public record OrderLine(long sku, int count) {

  public OrderLine {
    if (sku <= 0 || count <= 0) {
      throw new IllegalArgumentException("an order line needs a SKU and a positive count");
    }
  }
}
