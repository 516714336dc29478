package io.kinobezdna.cart.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A cart with names and prices, and its total. A SKU catalog no longer sells stays in the list with
 * no price (the buyer sees it and can remove it; a checkout would be refused by orders).
 */
public record PricedCart(List<PricedLine> lines, long totalMinorUnits, String currency) {

  /** Below every price shown: catalog sells in one currency. */
  public static final String DEFAULT_CURRENCY = "RUB";

  public record PricedLine(CartLine line, Product product, boolean sold) {}

  /**
   * @param products one per line, in the same order; null where catalog does not sell the SKU
   */
  public static PricedCart of(List<CartLine> lines, List<Product> products) {
    if (lines.size() != products.size()) {
      throw new IllegalArgumentException("one product per line");
    }
    List<PricedLine> priced = new ArrayList<>();
    long total = 0;
    String currency = null;
    for (int i = 0; i < lines.size(); i++) {
      CartLine line = lines.get(i);
      Product product = products.get(i);
      if (product == null) {
        priced.add(
            new PricedLine(line, new Product(line.sku(), "No longer sold", 0, "", ""), false));
        continue;
      }
      if (currency != null && !currency.equals(product.currency())) {
        throw new IllegalStateException(
            "a cart holds one currency, not " + currency + " and " + product.currency());
      }
      currency = product.currency();
      total = Math.addExact(total, Math.multiplyExact(product.priceMinorUnits(), line.count()));
      priced.add(new PricedLine(line, product, true));
    }
    return new PricedCart(priced, total, currency == null ? DEFAULT_CURRENCY : currency);
  }
}
