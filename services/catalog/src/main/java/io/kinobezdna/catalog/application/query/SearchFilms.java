package io.kinobezdna.catalog.application.query;

import java.util.List;

/**
 * A search or browse request as a client sends it, unchecked: codes for genres and sort, the
 * viewer's language for titles, and the cursor of the previous page.
 */
public record SearchFilms(
    String text,
    List<String> genres,
    Integer yearFrom,
    Integer yearTo,
    String country,
    Double minRating,
    Integer maxAgeRating,
    String sort,
    String language,
    String cursor,
    Integer limit) {}
