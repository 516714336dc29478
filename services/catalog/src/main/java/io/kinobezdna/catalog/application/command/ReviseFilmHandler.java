package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.OfferTerms;
import java.time.Clock;
import java.util.List;

public final class ReviseFilmHandler {

  private final FilmRepository films;
  private final Clock clock;

  public ReviseFilmHandler(FilmRepository films, Clock clock) {
    this.films = films;
    this.clock = clock;
  }

  public Film handle(ReviseFilm command) {
    if (!command.caller().editor()) {
      throw Problems.editorsOnly();
    }
    Problems.rejectIfAny(command.draft().problems());
    Film film =
        films.find(command.filmId()).orElseThrow(() -> Problems.noSuchFilm(command.filmId()));
    Problems.rejectIfChangedSince(film, command.expectedVersion());
    List<OfferTerms> terms = command.draft().offerTerms();
    Film revised =
        film.revised(
            command.draft().details(),
            terms,
            films.newSkus((int) film.newKinds(terms)),
            clock.instant());
    if (!films.update(revised)) {
      throw Problems.filmChanged(command.filmId(), command.expectedVersion());
    }
    return revised;
  }
}
