package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.domain.FilmTotals;
import io.kinobezdna.ugc.domain.Review;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.util.Optional;

/**
 * A film as the viewer left it: their like, score, wish, position and review (in whatever state),
 * and the film's totals.
 */
public record MyFilm(
    boolean liked,
    Optional<Integer> score,
    boolean wanted,
    Optional<WatchProgress> progress,
    FilmTotals totals,
    Optional<Review> review) {}
