package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.Problems;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;

public final class ListPendingReviewsHandler {

  private final Reviews reviews;

  public ListPendingReviewsHandler(Reviews reviews) {
    this.reviews = reviews;
  }

  public Page<Review> handle(ListPendingReviews query) {
    Problems.requireModerator(query.caller());
    return reviews.pending(Page.cursor(query.cursor()), Page.size(query.limit()));
  }
}
