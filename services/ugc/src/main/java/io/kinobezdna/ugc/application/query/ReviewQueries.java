package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.Caller;
import io.kinobezdna.ugc.application.Problems;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;
import java.util.Optional;
import java.util.UUID;

/** Reading reviews: a film's published ones (anyone), one's own, and support's queue. */
public final class ReviewQueries {

  private final Reviews reviews;

  public ReviewQueries(Reviews reviews) {
    this.reviews = reviews;
  }

  public Page<Review> published(UUID filmId, String cursor, Integer limit) {
    return reviews.published(filmId, Page.cursor(cursor), Page.size(limit));
  }

  /** The caller's review of the film in whatever state it is. */
  public Optional<Review> mine(Caller caller, UUID filmId) {
    return reviews.byAuthor(caller.userId(), filmId);
  }

  /** Reviews waiting for a decision, oldest first: for support staff only. */
  public Page<Review> pending(Caller caller, String cursor, Integer limit) {
    Problems.requireModerator(caller);
    return reviews.pending(Page.cursor(cursor), Page.size(limit));
  }
}
