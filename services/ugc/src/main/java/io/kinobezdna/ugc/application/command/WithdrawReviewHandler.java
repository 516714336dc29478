package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Problems;
import io.kinobezdna.ugc.application.port.Reviews;

/** Removes the caller's review of the film; 404 when there is none. */
public final class WithdrawReviewHandler {

  private final Reviews reviews;

  public WithdrawReviewHandler(Reviews reviews) {
    this.reviews = reviews;
  }

  public void handle(WithdrawReview command) {
    if (!reviews.delete(command.caller().userId(), command.filmId())) {
      throw Problems.noReview();
    }
  }
}
