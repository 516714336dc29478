package io.kinobezdna.ugc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewTest {

  private static final Instant WRITTEN = Instant.parse("2026-11-23T10:00:00Z");

  private static Review pending() {
    return Review.written(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Ann",
        "  Worth the night.  ",
        WRITTEN);
  }

  @Test
  void aTextIsAReviewBetweenTheLimitsCountedInCharactersNotBytes() {
    assertThat(Review.problemWith(null)).isEqualTo("must not be empty");
    assertThat(Review.problemWith("   ")).isEqualTo("must not be empty");
    assertThat(Review.problemWith("a".repeat(Review.MIN_LENGTH - 1))).contains("at least");
    assertThat(Review.problemWith("ё".repeat(Review.MIN_LENGTH))).isNull();
    assertThat(Review.problemWith("😀".repeat(Review.MAX_LENGTH))).isNull();
    assertThat(Review.problemWith("a".repeat(Review.MAX_LENGTH + 1))).contains("at most");
  }

  @Test
  void newReviewsWaitForSupportWithTheirTextTrimmed() {
    Review review = pending();
    assertThat(review.status()).isEqualTo(Review.Status.PENDING);
    assertThat(review.body()).isEqualTo("Worth the night.");
  }

  @Test
  void supportPublishesOrTurnsDownWithANoteAndARewriteWaitsAgain() {
    Review published = pending().moderated(Review.Decision.PUBLISH, null);
    assertThat(published.status()).isEqualTo(Review.Status.PUBLISHED);
    assertThatThrownBy(() -> published.moderated(Review.Decision.REJECT, " "))
        .isInstanceOf(IllegalArgumentException.class);

    Review rejected = published.moderated(Review.Decision.REJECT, " Spoilers ");
    assertThat(rejected.status()).isEqualTo(Review.Status.REJECTED);
    assertThat(rejected.moderationNote()).isEqualTo("Spoilers");
    assertThat(rejected.writtenAt()).isEqualTo(WRITTEN);

    Instant later = WRITTEN.plusSeconds(60);
    Review rewritten = rejected.rewritten("No spoilers this time.", "Ann B.", later);
    assertThat(rewritten.status()).isEqualTo(Review.Status.PENDING);
    assertThat(rewritten.moderationNote()).isNull();
    assertThat(rewritten.id()).isEqualTo(rejected.id());
    assertThat(rewritten.writtenAt()).isEqualTo(later);
    assertThat(rewritten.authorName()).isEqualTo("Ann B.");
  }
}
