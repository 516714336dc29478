package io.kinobezdna.ugc.domain;

import java.util.UUID;

/**
 * A film's likes and ratings in total. Every change bumps the version, so whoever copies the totals
 * (the catalog, from events) keeps the newest and ignores a late or repeated event.
 */
public record FilmTotals(
    UUID filmId, long likeCount, long ratingCount, long ratingSum, long version) {

  public static FilmTotals none(UUID filmId) {
    return new FilmTotals(filmId, 0, 0, 0, 0);
  }

  /** Average rating 1–10, or 0 while nobody has rated the film. */
  public double averageRating() {
    return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
  }

  /** These totals after a change: likes and ratings added (negative: taken back). */
  public FilmTotals plus(long likes, long ratings, long ratingPoints) {
    return new FilmTotals(
        filmId, likeCount + likes, ratingCount + ratings, ratingSum + ratingPoints, version + 1);
  }
}
