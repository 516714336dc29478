package io.kinobezdna.ugc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilmTotalsTest {

  @Test
  void everyChangeBumpsTheVersionAndTheAverageFollowsTheSum() {
    FilmTotals none = FilmTotals.none(UUID.randomUUID());
    assertThat(none.averageRating()).isZero();
    FilmTotals rated = none.plus(0, 1, 8).plus(0, 1, 5).plus(1, 0, 0);
    assertThat(rated.averageRating()).isEqualTo(6.5);
    assertThat(rated.likeCount()).isEqualTo(1);
    assertThat(rated.version()).isEqualTo(3);
  }

  @Test
  void scoresAreOneToTen() {
    assertThat(Score.isValid(1)).isTrue();
    assertThat(Score.isValid(10)).isTrue();
    assertThat(Score.isValid(0)).isFalse();
    assertThat(Score.isValid(null)).isFalse();
    assertThatThrownBy(() -> new Score(11)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFilmIsWatchedPastNinetyFivePercent() {
    Instant now = Instant.now();
    UUID film = UUID.randomUUID();
    assertThat(new WatchProgress(film, 114, 120, now).finished()).isTrue();
    assertThat(new WatchProgress(film, 113, 120, now).finished()).isFalse();
  }
}
