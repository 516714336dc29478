package io.kinobezdna.catalog.domain;

import java.util.List;
import java.util.UUID;

/** A film as lists show it: enough for a poster tile or a search hit, without offers or people. */
public record FilmCard(
    UUID id,
    String titleRu,
    String titleEn,
    String originalTitle,
    int year,
    int durationMinutes,
    List<Genre> genres,
    List<String> countries,
    int ageRating,
    Reception reception) {

  public FilmCard {
    genres = List.copyOf(genres);
    countries = List.copyOf(countries);
  }

  public static FilmCard of(Film film) {
    FilmDetails d = film.details();
    return new FilmCard(
        film.id(),
        d.titleRu(),
        d.titleEn(),
        d.originalTitle(),
        d.year(),
        d.durationMinutes(),
        d.genres(),
        d.countries(),
        d.ageRating(),
        film.reception());
  }
}
