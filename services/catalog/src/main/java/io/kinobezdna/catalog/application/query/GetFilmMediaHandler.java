package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.port.FilmMedia;
import io.kinobezdna.catalog.domain.FilmCard;
import java.nio.file.Path;

/** A visible film's poster and video. */
public final class GetFilmMediaHandler {

  private final GetFilmHandler films;
  private final FilmMedia media;

  public GetFilmMediaHandler(GetFilmHandler films, FilmMedia media) {
    this.films = films;
    this.media = media;
  }

  public byte[] poster(GetFilm query) {
    return media.poster(FilmCard.of(films.handle(query)));
  }

  public Path video(GetFilm query) {
    return media.video(FilmCard.of(films.handle(query)));
  }
}
