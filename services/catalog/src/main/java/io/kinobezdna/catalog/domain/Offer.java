package io.kinobezdna.catalog.domain;

/**
 * One way to get a film, sold as a SKU. A withdrawn offer keeps its SKU (carts and orders may still
 * name it) but can no longer be bought.
 */
public record Offer(long sku, OfferKind kind, Money price, boolean active) {

  /** What a cart shows for it: "Metropolis — rent for 48 h". */
  public String productName(FilmDetails film) {
    return film.titleEn() + " — " + kind.labelEn();
  }
}
