package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.application.port.Reactions;
import io.kinobezdna.ugc.application.port.Reviews;
import java.util.UUID;

public final class GetMyFilmHandler {

  private final Reactions reactions;
  private final ProgressRepository progress;
  private final FilmTotalsRepository totals;
  private final Reviews reviews;

  public GetMyFilmHandler(
      Reactions reactions,
      ProgressRepository progress,
      FilmTotalsRepository totals,
      Reviews reviews) {
    this.reactions = reactions;
    this.progress = progress;
    this.totals = totals;
    this.reviews = reviews;
  }

  public MyFilm handle(GetMyFilm query) {
    UUID user = query.caller().userId();
    UUID filmId = query.filmId();
    return new MyFilm(
        reactions.likes(user, filmId),
        reactions.score(user, filmId),
        reactions.wishes(user, filmId),
        progress.find(user, filmId),
        totals.current(filmId),
        reviews.byAuthor(user, filmId));
  }
}
