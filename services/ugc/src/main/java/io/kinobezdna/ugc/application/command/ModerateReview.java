package io.kinobezdna.ugc.application.command;

import io.kinobezdna.ugc.application.Caller;
import io.kinobezdna.ugc.domain.Review;
import java.time.Instant;
import java.util.UUID;

/**
 * Support decides about a review, as read at {@code writtenAt}: a decision about a text the author
 * has changed since is refused.
 */
public record ModerateReview(
    Caller caller, UUID reviewId, Instant writtenAt, Review.Decision decision, String note) {}
