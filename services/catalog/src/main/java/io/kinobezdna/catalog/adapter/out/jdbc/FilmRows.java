package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.Reception;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading film rows: the columns every film query selects, and their mapping. */
final class FilmRows {

  static final String CARD_COLUMNS =
      "f.id, f.title_ru, f.title_en, f.original_title, f.year, f.duration_minutes, f.genres,"
          + " f.countries, f.age_rating, f.rating_count, f.average_rating, f.like_count";

  private FilmRows() {}

  static FilmCard card(ResultSet rs, int row) throws SQLException {
    return new FilmCard(
        rs.getObject("id", UUID.class),
        rs.getString("title_ru"),
        rs.getString("title_en"),
        rs.getString("original_title"),
        rs.getInt("year"),
        rs.getInt("duration_minutes"),
        genres(rs.getArray("genres")),
        strings(rs.getArray("countries")),
        rs.getInt("age_rating"),
        reception(rs));
  }

  static Reception reception(ResultSet rs) throws SQLException {
    return new Reception(
        rs.getDouble("average_rating"), rs.getLong("rating_count"), rs.getLong("like_count"));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static List<Genre> genres(Array array) throws SQLException {
    return strings(array).stream().flatMap(code -> Genre.ofCode(code).stream()).toList();
  }

  static String[] genreCodes(List<Genre> genres) {
    return genres.stream().map(Genre::code).toArray(String[]::new);
  }
}
