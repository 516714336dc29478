package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.Caller;
import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.application.port.Reactions;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.util.List;
import java.util.UUID;

/** What a viewer sees of their own content: one film's state, their list, what to resume. */
public final class ViewerQueries {

  static final int CONTINUE_WATCHING = 20;

  private final Reactions reactions;
  private final ProgressRepository progress;
  private final FilmTotalsRepository totals;

  public ViewerQueries(
      Reactions reactions, ProgressRepository progress, FilmTotalsRepository totals) {
    this.reactions = reactions;
    this.progress = progress;
    this.totals = totals;
  }

  public MyFilm myFilm(Caller caller, UUID filmId) {
    UUID user = caller.userId();
    return new MyFilm(
        reactions.likes(user, filmId),
        reactions.score(user, filmId),
        reactions.wishes(user, filmId),
        progress.find(user, filmId),
        totals.current(filmId));
  }

  public Page<Reactions.Wish> wishlist(Caller caller, String cursor, Integer limit) {
    return reactions.wishlist(caller.userId(), Page.cursor(cursor), Page.size(limit));
  }

  /** Started, not finished, latest first: the home page's "continue watching" row. */
  public List<WatchProgress> continueWatching(Caller caller) {
    return progress.unfinished(caller.userId(), CONTINUE_WATCHING);
  }
}
