package io.kinobezdna.ugc.application.query;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;

public final class ListPublishedReviewsHandler {

  private final Reviews reviews;

  public ListPublishedReviewsHandler(Reviews reviews) {
    this.reviews = reviews;
  }

  public Page<Review> handle(ListPublishedReviews query) {
    return reviews.published(query.filmId(), Page.cursor(query.cursor()), Page.size(query.limit()));
  }
}
