package io.kinobezdna.ugc.application.port;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.domain.Review;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reviews, one per author and film. */
public interface Reviews {

  Optional<Review> byAuthor(UUID authorId, UUID filmId);

  Optional<Review> byId(UUID id);

  /**
   * Inserts or replaces the author's review of the film; the id it is stored under (the first
   * review's, when two first writes of the same author race).
   */
  UUID save(Review review);

  /**
   * Stores support's decision, if the review is still the text support read (its {@code
   * writtenAt}); false when the author has changed or withdrawn it since.
   */
  boolean saveModeration(Review review, Instant moderatedAt);

  /** Removes the author's review; false when there was none. */
  boolean delete(UUID authorId, UUID filmId);

  /** A film's published reviews, newest first. */
  Page<Review> published(UUID filmId, Page.Cursor after, int limit);

  /** Reviews waiting for support, oldest first. */
  Page<Review> pending(Page.Cursor after, int limit);
}
