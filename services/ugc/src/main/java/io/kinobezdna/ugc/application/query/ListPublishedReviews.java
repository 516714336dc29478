package io.kinobezdna.ugc.application.query;

import java.util.UUID;

/** A page of a film's published reviews (anyone may read them). */
public record ListPublishedReviews(UUID filmId, String cursor, Integer limit) {}
