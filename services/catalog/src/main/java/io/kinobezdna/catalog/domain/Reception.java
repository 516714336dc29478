package io.kinobezdna.catalog.domain;

/** How viewers received a film, as counted by the UGC service: average rating (1–10), likes. */
public record Reception(double averageRating, long ratingCount, long likeCount) {

  public static final Reception NONE = new Reception(0, 0, 0);
}
