package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.port.FilmRepository;
import java.util.List;

/** The Route256 product-service's list of SKUs: those of every film's offers, in order. */
public final class ListSkusHandler {

  private final FilmRepository films;

  public ListSkusHandler(FilmRepository films) {
    this.films = films;
  }

  public List<Long> handle(ListSkus query) {
    return films.listSkus(query.afterSku(), query.count());
  }
}
