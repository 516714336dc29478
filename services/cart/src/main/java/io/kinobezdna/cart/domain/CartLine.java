package io.kinobezdna.cart.domain;

/** So many of one SKU in a cart. */
public record CartLine(long sku, int count) {

  public CartLine {
    if (sku <= 0 || count <= 0) {
      throw new IllegalArgumentException("a cart line needs a SKU and a positive count");
    }
  }
}
