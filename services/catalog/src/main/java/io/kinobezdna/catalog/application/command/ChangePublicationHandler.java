package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import java.time.Clock;

public final class ChangePublicationHandler {

  private final FilmRepository films;
  private final Clock clock;

  public ChangePublicationHandler(FilmRepository films, Clock clock) {
    this.films = films;
    this.clock = clock;
  }

  public Film handle(ChangePublication command) {
    if (!command.caller().editor()) {
      throw Problems.editorsOnly();
    }
    Film film =
        films.find(command.filmId()).orElseThrow(() -> Problems.noSuchFilm(command.filmId()));
    Problems.rejectIfChangedSince(film, command.expectedVersion());
    if (film.published() == command.published()) {
      return film;
    }
    Film changed = film.withPublished(command.published(), clock.instant());
    if (!films.update(changed)) {
      throw Problems.filmChanged(command.filmId(), command.expectedVersion());
    }
    return changed;
  }
}
