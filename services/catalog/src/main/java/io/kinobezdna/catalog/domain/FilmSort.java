package io.kinobezdna.catalog.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a film list can come in. */
public enum FilmSort {
  /** Best match first; without search text the same as {@link #POPULAR}. */
  RELEVANCE,
  /** Most liked first. */
  POPULAR,
  /** Highest average rating first. */
  RATING,
  /** Latest year first. */
  NEWEST,
  /** By title, alphabetically in the viewer's language. */
  TITLE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FilmSort> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
