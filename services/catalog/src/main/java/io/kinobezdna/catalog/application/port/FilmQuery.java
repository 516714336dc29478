package io.kinobezdna.catalog.application.port;

import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.SearchText;
import java.util.Set;

/**
 * What a viewer is looking for: search text (may be empty) and filters; a null bound is no bound.
 * Every filter narrows the result; several genres mean any of them.
 */
public record FilmQuery(
    SearchText text,
    Set<Genre> genres,
    Integer yearFrom,
    Integer yearTo,
    String country,
    Double minRating,
    Integer maxAgeRating,
    FilmSort sort,
    String language) {

  public FilmQuery {
    genres = Set.copyOf(genres);
  }

  /** The same filters and order with other text (a corrected spelling). */
  public FilmQuery withText(SearchText other) {
    return new FilmQuery(
        other, genres, yearFrom, yearTo, country, minRating, maxAgeRating, sort, language);
  }

  /** RELEVANCE without text has nothing to rank by: the most liked come first then. */
  public FilmSort effectiveSort() {
    return sort == FilmSort.RELEVANCE && text.isEmpty() ? FilmSort.POPULAR : sort;
  }
}
