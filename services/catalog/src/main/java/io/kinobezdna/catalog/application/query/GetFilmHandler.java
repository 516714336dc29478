package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;

/** One film with its offers; an unpublished film exists only for editors. */
public final class GetFilmHandler {

  private final FilmRepository films;

  public GetFilmHandler(FilmRepository films) {
    this.films = films;
  }

  public Film handle(GetFilm query) {
    return films.visibleTo(query.caller(), query.filmId());
  }
}
