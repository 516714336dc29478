package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.Offer;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;

/**
 * The Route256 product-service's two calls: a product by SKU and the list of SKUs. Only active
 * offers of published films are products.
 */
public final class GetProductHandler {

  public static final int MAX_SKUS = 1000;

  private final FilmRepository films;

  public GetProductHandler(FilmRepository films) {
    this.films = films;
  }

  public Product product(long sku) {
    Film film =
        films.findBySku(sku).filter(Film::published).orElseThrow(() -> Problems.noSuchProduct(sku));
    Offer offer =
        film.offer(sku).filter(Offer::active).orElseThrow(() -> Problems.noSuchProduct(sku));
    return new Product(
        sku, offer.productName(film.details()), offer.price(), offer.kind(), film.id());
  }

  public List<Long> skus(long afterSku, int count) {
    if (count < 1 || count > MAX_SKUS) {
      throw PlatformError.invalidField("count", "must be from 1 to " + MAX_SKUS);
    }
    return films.listSkus(Math.max(afterSku, 0), count);
  }
}
