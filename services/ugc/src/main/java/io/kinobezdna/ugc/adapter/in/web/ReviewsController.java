package io.kinobezdna.ugc.adapter.in.web;

import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.adapter.in.Callers;
import io.kinobezdna.ugc.application.command.ModerateReview;
import io.kinobezdna.ugc.application.command.ModerateReviewHandler;
import io.kinobezdna.ugc.application.command.WithdrawReview;
import io.kinobezdna.ugc.application.command.WithdrawReviewHandler;
import io.kinobezdna.ugc.application.command.WriteReview;
import io.kinobezdna.ugc.application.command.WriteReviewHandler;
import io.kinobezdna.ugc.application.query.ListPendingReviews;
import io.kinobezdna.ugc.application.query.ListPendingReviewsHandler;
import io.kinobezdna.ugc.application.query.ListPublishedReviews;
import io.kinobezdna.ugc.application.query.ListPublishedReviewsHandler;
import io.kinobezdna.ugc.domain.Review;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews over REST: a film's published reviews for anyone (under /public, which the gateway lets
 * through without a token), the caller's own review, and support's moderation queue.
 */
@RestController
public class ReviewsController {

  public record ReviewView(
      String id,
      String filmId,
      String authorId,
      String authorName,
      String body,
      String status,
      String moderationNote,
      String writtenAt) {

    static ReviewView of(Review r) {
      return new ReviewView(
          r.id().toString(),
          r.filmId().toString(),
          r.authorId().toString(),
          r.authorName(),
          r.body(),
          r.status().name().toLowerCase(Locale.ROOT),
          r.moderationNote(),
          r.writtenAt().toString());
    }
  }

  public record ReviewPage(List<ReviewView> items, String nextCursor) {

    static ReviewPage of(Page<Review> page) {
      return new ReviewPage(page.items().stream().map(ReviewView::of).toList(), page.nextCursor());
    }
  }

  public record ReviewRequest(String body) {}

  /** A moderator's decision about the review as read at {@code writtenAt}. */
  public record ModerationRequest(String decision, String note, String writtenAt) {}

  private final WriteReviewHandler write;
  private final WithdrawReviewHandler withdraw;
  private final ModerateReviewHandler moderate;
  private final ListPublishedReviewsHandler published;
  private final ListPendingReviewsHandler pending;

  public ReviewsController(
      WriteReviewHandler write,
      WithdrawReviewHandler withdraw,
      ModerateReviewHandler moderate,
      ListPublishedReviewsHandler published,
      ListPendingReviewsHandler pending) {
    this.write = write;
    this.withdraw = withdraw;
    this.moderate = moderate;
    this.published = published;
    this.pending = pending;
  }

  @PublicEndpoint
  @GetMapping("/public/films/{filmId}/reviews")
  ReviewPage published(
      @PathVariable UUID filmId,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return ReviewPage.of(published.handle(new ListPublishedReviews(filmId, cursor, limit)));
  }

  @PutMapping("/films/{filmId}/review")
  ReviewView write(
      VerifiedCaller verified, @PathVariable UUID filmId, @RequestBody ReviewRequest body) {
    return ReviewView.of(write.handle(new WriteReview(Callers.of(verified), filmId, body.body())));
  }

  @DeleteMapping("/films/{filmId}/review")
  ResponseEntity<Void> withdraw(VerifiedCaller verified, @PathVariable UUID filmId) {
    withdraw.handle(new WithdrawReview(Callers.of(verified), filmId));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/moderation/reviews")
  ReviewPage pending(
      VerifiedCaller verified,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return ReviewPage.of(
        pending.handle(new ListPendingReviews(Callers.of(verified), cursor, limit)));
  }

  @PutMapping("/moderation/reviews/{reviewId}")
  ReviewView moderate(
      VerifiedCaller verified, @PathVariable UUID reviewId, @RequestBody ModerationRequest body) {
    return ReviewView.of(
        moderate.handle(
            new ModerateReview(
                Callers.of(verified),
                reviewId,
                writtenAt(body.writtenAt()),
                decision(body.decision()),
                body.note())));
  }

  private static Review.Decision decision(String raw) {
    if (raw != null) {
      for (Review.Decision d : Review.Decision.values()) {
        if (d.name().equalsIgnoreCase(raw)) {
          return d;
        }
      }
    }
    throw PlatformError.invalidField("decision", "must be publish or reject");
  }

  private static Instant writtenAt(String raw) {
    try {
      return Instant.parse(raw == null ? "" : raw);
    } catch (DateTimeParseException e) {
      throw PlatformError.invalidField(
          "writtenAt", "must be the writtenAt of the review as you read it");
    }
  }
}
