package io.kinobezdna.ugc.adapter.out.jdbc;

import io.kinobezdna.ugc.application.port.FilmTotalsRepository;
import io.kinobezdna.ugc.domain.FilmTotals;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcFilmTotals implements FilmTotalsRepository {

  private final JdbcClient jdbc;

  public JdbcFilmTotals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FilmTotals lock(UUID filmId) {
    jdbc.sql(
            "insert into film_totals (film_id, like_count, rating_count, rating_sum, version)"
                + " values (?, 0, 0, 0, 0) on conflict do nothing")
        .param(filmId)
        .update();
    return jdbc.sql("select * from film_totals where film_id = ? for update")
        .param(filmId)
        .query(JdbcFilmTotals::map)
        .single();
  }

  @Override
  public FilmTotals current(UUID filmId) {
    return jdbc.sql("select * from film_totals where film_id = ?")
        .param(filmId)
        .query(JdbcFilmTotals::map)
        .optional()
        .orElse(FilmTotals.none(filmId));
  }

  @Override
  public void save(FilmTotals t) {
    jdbc.sql(
            "update film_totals set like_count = ?, rating_count = ?, rating_sum = ?, version = ?"
                + " where film_id = ?")
        .params(t.likeCount(), t.ratingCount(), t.ratingSum(), t.version(), t.filmId())
        .update();
  }

  private static FilmTotals map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new FilmTotals(
        rs.getObject("film_id", UUID.class),
        rs.getLong("like_count"),
        rs.getLong("rating_count"),
        rs.getLong("rating_sum"),
        rs.getLong("version"));
  }
}
