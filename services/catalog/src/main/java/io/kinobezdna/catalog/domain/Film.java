package io.kinobezdna.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A film in the catalog, with its offers. Only published films are visible to viewers. Every
 * editor's change makes the next {@code version}; one made against an older version is refused.
 */
public record Film(
    UUID id,
    FilmDetails details,
    List<Offer> offers,
    boolean published,
    Reception reception,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The version of a film just created. */
  public static final long FIRST_VERSION = 1;

  public Film {
    offers = List.copyOf(offers);
  }

  public Optional<Offer> offer(long sku) {
    return offers.stream().filter(o -> o.sku() == sku).findFirst();
  }

  public List<Offer> activeOffers() {
    return offers.stream().filter(Offer::active).toList();
  }

  public Film withPublished(boolean published, Instant now) {
    return new Film(id, details, offers, published, reception, createdAt, now, version + 1);
  }

  /**
   * The film with new details and offers: an offer of a kind it already had keeps its SKU (carts
   * and orders may hold it) with the new price; kinds no longer offered are withdrawn, not deleted.
   *
   * @param newSkus SKUs for kinds the film did not have, in the order of {@code terms}
   */
  public Film revised(
      FilmDetails details, List<OfferTerms> terms, List<Long> newSkus, Instant now) {
    java.util.ArrayList<Offer> revised = new java.util.ArrayList<>();
    java.util.Iterator<Long> skus = newSkus.iterator();
    for (OfferTerms t : terms) {
      Optional<Offer> existing = offers.stream().filter(o -> o.kind() == t.kind()).findFirst();
      long sku = existing.map(Offer::sku).orElseGet(skus::next);
      revised.add(new Offer(sku, t.kind(), t.price(), true));
    }
    for (Offer old : offers) {
      if (terms.stream().noneMatch(t -> t.kind() == old.kind())) {
        revised.add(new Offer(old.sku(), old.kind(), old.price(), false));
      }
    }
    return new Film(id, details, revised, published, reception, createdAt, now, version + 1);
  }

  /** How many SKUs {@link #revised} needs for these terms. */
  public long newKinds(List<OfferTerms> terms) {
    return terms.stream().filter(t -> offers.stream().noneMatch(o -> o.kind() == t.kind())).count();
  }
}
