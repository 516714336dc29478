package io.kinobezdna.ugc.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened, for the stats and events services and the catalog's totals: published on {@code
 * ugc.events.v1} keyed by film, carrying the film's totals after the change.
 *
 * @param score the new score for RATED, else null
 * @param positionSeconds the position for PROGRESS, else null
 */
public record UgcEvent(
    UUID eventId,
    Type type,
    UUID userId,
    UUID filmId,
    Instant moment,
    FilmTotals totals,
    Integer score,
    Integer positionSeconds) {

  public enum Type {
    LIKED,
    UNLIKED,
    RATED,
    UNRATED,
    WISHLISTED,
    UNWISHLISTED,
    PROGRESS
  }
}
