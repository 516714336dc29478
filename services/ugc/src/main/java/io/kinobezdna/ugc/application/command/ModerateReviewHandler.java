package io.kinobezdna.ugc.application.command;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.tx.Transactions;
import io.kinobezdna.ugc.application.Problems;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;
import java.time.Clock;

/**
 * Support publishes a review or turns it down (with a note for the author), as it read it: a review
 * rewritten meanwhile is a conflict.
 */
public final class ModerateReviewHandler {

  private final Reviews reviews;
  private final Transactions transactions;
  private final Clock clock;

  public ModerateReviewHandler(Reviews reviews, Transactions transactions, Clock clock) {
    this.reviews = reviews;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Review handle(ModerateReview command) {
    Problems.requireModerator(command.caller());
    if (command.decision() == Review.Decision.REJECT
        && (command.note() == null || command.note().isBlank())) {
      throw PlatformError.invalidField("note", "must say why the review is turned down");
    }
    return transactions.inTransaction(
        () -> {
          Review read = reviews.byId(command.reviewId()).orElseThrow(Problems::noReview);
          if (!read.writtenAt().equals(command.writtenAt())) {
            throw Problems.reviewChangedSince();
          }
          Review decided = read.moderated(command.decision(), command.note());
          if (!reviews.saveModeration(decided, clock.instant())) {
            throw Problems.reviewChangedSince();
          }
          return decided;
        });
  }
}
