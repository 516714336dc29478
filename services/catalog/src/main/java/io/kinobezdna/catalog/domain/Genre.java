package io.kinobezdna.catalog.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The genres a film can have: a stable code for URLs and filters, and names in both languages. */
public enum Genre {
  DRAMA("Драма", "Drama"),
  COMEDY("Комедия", "Comedy"),
  THRILLER("Триллер", "Thriller"),
  HORROR("Ужасы", "Horror"),
  SCI_FI("Фантастика", "Science fiction"),
  FANTASY("Фэнтези", "Fantasy"),
  ADVENTURE("Приключения", "Adventure"),
  ACTION("Боевик", "Action"),
  ANIMATION("Мультфильм", "Animation"),
  DOCUMENTARY("Документальный", "Documentary"),
  ROMANCE("Мелодрама", "Romance"),
  CRIME("Криминал", "Crime"),
  MYSTERY("Детектив", "Mystery"),
  NOIR("Нуар", "Film noir"),
  WESTERN("Вестерн", "Western"),
  WAR("Военный", "War"),
  HISTORY("Исторический", "History"),
  MUSICAL("Мюзикл", "Musical"),
  FAMILY("Семейный", "Family"),
  SILENT("Немое кино", "Silent film");

  private final String nameRu;
  private final String nameEn;

  Genre(String nameRu, String nameEn) {
    this.nameRu = nameRu;
    this.nameEn = nameEn;
  }

  /** The code in URLs and JSON: {@code sci-fi}, {@code drama}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String nameRu() {
    return nameRu;
  }

  public String nameEn() {
    return nameEn;
  }

  public static Optional<Genre> ofCode(String code) {
    return Arrays.stream(values()).filter(g -> g.code().equals(code)).findFirst();
  }
}
