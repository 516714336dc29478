package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.Offer;

/** The Route256 product-service's product by SKU. Only active offers of published films are. */
public final class GetProductHandler {

  private final FilmRepository films;

  public GetProductHandler(FilmRepository films) {
    this.films = films;
  }

  public Product handle(GetProduct query) {
    long sku = query.sku();
    Film film =
        films.findBySku(sku).filter(Film::published).orElseThrow(() -> Problems.noSuchProduct(sku));
    Offer offer =
        film.offer(sku).filter(Offer::active).orElseThrow(() -> Problems.noSuchProduct(sku));
    return new Product(
        sku, offer.productName(film.details()), offer.price(), offer.kind(), film.id());
  }
}
