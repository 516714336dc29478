package io.kinobezdna.cart.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's cart: its lines by SKU, ascending (as the Route256 cart contract lists them), and a
 * version that grows with every change — a checkout names the version it ordered, so a retried
 * checkout finds the same order and only the contents it ordered are cleared.
 */
public record Cart(UUID userId, List<CartLine> lines, long version) {

  public Cart {
    lines = lines.stream().sorted(Comparator.comparingLong(CartLine::sku)).toList();
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** How many of the SKU the cart holds (0 when none). */
  public int countOf(long sku) {
    return lines.stream().filter(l -> l.sku() == sku).mapToInt(CartLine::count).sum();
  }

  public Optional<CartLine> line(long sku) {
    return lines.stream().filter(l -> l.sku() == sku).findFirst();
  }

  /** The key orders uses to recognise a retried checkout of this very content. */
  public String checkoutKey() {
    return "cart-v" + version;
  }
}
