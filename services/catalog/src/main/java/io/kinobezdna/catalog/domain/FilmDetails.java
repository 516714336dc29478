package io.kinobezdna.catalog.domain;

import java.util.List;

/** What an editor writes about a film (everything but its offers, publication and reception). */
public record FilmDetails(
    String titleRu,
    String titleEn,
    String originalTitle,
    int year,
    int durationMinutes,
    String synopsis,
    List<Genre> genres,
    List<String> countries,
    int ageRating,
    List<String> directors,
    List<String> cast,
    String studio) {

  public FilmDetails {
    genres = List.copyOf(genres);
    countries = List.copyOf(countries);
    directors = List.copyOf(directors);
    cast = List.copyOf(cast);
  }

  /** The title to show in a language (ru or en). */
  public String title(String language) {
    return "en".equals(language) ? titleEn : titleRu;
  }
}
