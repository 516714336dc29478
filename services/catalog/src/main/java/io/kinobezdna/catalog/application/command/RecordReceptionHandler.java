package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.port.FilmRepository;

/**
 * Keeps a film's average rating and like count as UGC counts them. Events may arrive twice or late
 * (at-least-once delivery); only totals newer than the ones held are taken, so replays are
 * harmless.
 */
public final class RecordReceptionHandler {

  private final FilmRepository films;

  public RecordReceptionHandler(FilmRepository films) {
    this.films = films;
  }

  /** True when the film took these totals (false: unknown film or not newer). */
  public boolean handle(RecordReception command) {
    return films.updateReception(command.filmId(), command.reception(), command.version());
  }
}
