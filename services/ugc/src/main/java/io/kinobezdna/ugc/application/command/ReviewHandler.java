package io.kinobezdna.ugc.application.command;

import io.kinobezdna.platform.errors.ErrorKind;
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

/** Writing, withdrawing and moderating reviews. */
public final class ReviewHandler {

  private final Reviews reviews;
  private final Films films;
  private final Transactions transactions;
  private final UuidV7 ids;
  private final Clock clock;

  public ReviewHandler(
      Reviews reviews, Films films, Transactions transactions, UuidV7 ids, Clock clock) {
    this.reviews = reviews;
    this.films = films;
    this.transactions = transactions;
    this.ids = ids;
    this.clock = clock;
  }

  /** The caller's review, new or rewritten, waiting for moderation. */
  public Review write(WriteReview command) {
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

  /** Removes the caller's review of the film; 404 when there is none. */
  public void withdraw(Caller caller, UUID filmId) {
    if (!reviews.delete(caller.userId(), filmId)) {
      throw noReview();
    }
  }

  /** Support publishes a review or turns it down (with a note for the author). */
  public Review moderate(ModerateReview command) {
    Problems.requireModerator(command.caller());
    if (command.decision() == Review.Decision.REJECT
        && (command.note() == null || command.note().isBlank())) {
      throw PlatformError.invalidField("note", "must say why the review is turned down");
    }
    return transactions.inTransaction(
        () -> {
          Review read = reviews.byId(command.reviewId()).orElseThrow(ReviewHandler::noReview);
          if (!read.writtenAt().equals(command.writtenAt())) {
            throw changedSince();
          }
          Review decided = read.moderated(command.decision(), command.note());
          if (!reviews.saveModeration(decided, clock.instant())) {
            throw changedSince();
          }
          return decided;
        });
  }

  /** To the microsecond, as PostgreSQL keeps it: the time is the version moderators quote. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static PlatformError noReview() {
    return new PlatformError(ErrorKind.NOT_FOUND, "REVIEW_NOT_FOUND", "There is no such review.");
  }

  private static PlatformError changedSince() {
    return new PlatformError(
        ErrorKind.CONFLICT,
        "REVIEW_CHANGED",
        "The author changed this review after you read it; read it again.");
  }
}
