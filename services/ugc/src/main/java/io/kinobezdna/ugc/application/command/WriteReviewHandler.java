package io.kinobezdna.ugc.application.command;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.ugc.application.Caller;
import io.kinobezdna.ugc.application.Problems;
import io.kinobezdna.ugc.application.port.Films;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The caller's review, new or rewritten, waiting for moderation. */
public final class WriteReviewHandler {

  private final Reviews reviews;
  private final Films films;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public WriteReviewHandler(
      Reviews reviews, Films films, Transactions transactions, UuidV7 ids, Clock clock) {
    this.reviews = reviews;
    this.films = films;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  public Review handle(WriteReview command) {
    String problem = Review.problemWith(command.body());
    if (problem != null) {
      throw PlatformError.invalidField("body", problem);
    }
    Problems.requireFilm(films, command.filmId());
    Caller author = command.caller();
    return transactions.inTransaction(
        () -> {
          Review review =
              reviews
                  .byAuthor(author.userId(), command.filmId())
                  .map(r -> r.rewritten(command.body(), author.displayName(), now()))
                  .orElseGet(
                      () ->
                          Review.written(
                              ids.next(),
                              command.filmId(),
                              author.userId(),
                              author.displayName(),
                              command.body(),
                              now()));
          UUID stored = reviews.save(review);
          return stored.equals(review.id()) ? review : reviews.byId(stored).orElseThrow();
        });
  }

  /** To the microsecond, as PostgreSQL keeps it: the time is the version moderators quote. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
