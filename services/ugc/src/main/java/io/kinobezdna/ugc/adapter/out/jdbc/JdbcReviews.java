package io.kinobezdna.ugc.adapter.out.jdbc;

import io.kinobezdna.platform.paging.Page;
import io.kinobezdna.ugc.application.port.Reviews;
import io.kinobezdna.ugc.domain.Review;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reviews in PostgreSQL; lists are keyset pages on (written_at, id). */
public final class JdbcReviews implements Reviews {

  private static final String COLUMNS =
      "id, film_id, author_id, author_name, body, status, moderation_note, written_at";

  private final JdbcClient jdbc;

  public JdbcReviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Review> byAuthor(UUID authorId, UUID filmId) {
    return jdbc.sql("select " + COLUMNS + " from reviews where author_id = ? and film_id = ?")
        .params(authorId, filmId)
        .query(JdbcReviews::review)
        .optional();
  }

  @Override
  public Optional<Review> byId(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from reviews where id = ?")
        .param(id)
        .query(JdbcReviews::review)
        .optional();
  }

  @Override
  public UUID save(Review r) {
    return jdbc.sql(
            "insert into reviews (id, film_id, author_id, author_name, body, status,"
                + " moderation_note, written_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (author_id, film_id) do update set author_name ="
                + " excluded.author_name, body = excluded.body, status = excluded.status,"
                + " moderation_note = excluded.moderation_note, written_at = excluded.written_at,"
                + " moderated_at = null returning id")
        .params(
            r.id(),
            r.filmId(),
            r.authorId(),
            r.authorName(),
            r.body(),
            r.status().name(),
            r.moderationNote(),
            Timestamp.from(r.writtenAt()))
        .query(UUID.class)
        .single();
  }

  @Override
  public boolean saveModeration(Review r, Instant moderatedAt) {
    return jdbc.sql(
                "update reviews set status = ?, moderation_note = ?, moderated_at = ?"
                    + " where id = ? and written_at = ?")
            .params(
                r.status().name(),
                r.moderationNote(),
                Timestamp.from(moderatedAt),
                r.id(),
                Timestamp.from(r.writtenAt()))
            .update()
        == 1;
  }

  @Override
  public boolean delete(UUID authorId, UUID filmId) {
    return jdbc.sql("delete from reviews where author_id = ? and film_id = ?")
            .params(authorId, filmId)
            .update()
        == 1;
  }

  @Override
  public Page<Review> published(UUID filmId, Page.Cursor after, int limit) {
    return page("status = 'PUBLISHED' and film_id = ?", List.of(filmId), after, limit, false);
  }

  @Override
  public Page<Review> pending(Page.Cursor after, int limit) {
    return page("status = 'PENDING'", List.of(), after, limit, true);
  }

  private Page<Review> page(
      String where, List<Object> whereParams, Page.Cursor after, int limit, boolean oldestFirst) {
    List<Object> params = new ArrayList<>(whereParams);
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from reviews where " + where);
    if (!after.equals(Page.Cursor.START)) {
      sql.append(" and (written_at, id) ").append(oldestFirst ? ">" : "<").append(" (?, ?)");
      params.add(Timestamp.from(Page.Cursor.instant(after.sortKey())));
      params.add(Page.Cursor.uuid(after.id()));
    }
    String direction = oldestFirst ? " asc" : " desc";
    sql.append(" order by written_at").append(direction).append(", id").append(direction);
    sql.append(" limit ?");
    params.add(limit + 1);
    List<Review> rows = jdbc.sql(sql.toString()).params(params).query(JdbcReviews::review).list();
    return Page.fromRows(
        rows, limit, r -> new Page.Cursor(r.writtenAt().toString(), r.id().toString()));
  }

  private static Review review(ResultSet rs, int row) throws SQLException {
    return new Review(
        rs.getObject("id", UUID.class),
        rs.getObject("film_id", UUID.class),
        rs.getObject("author_id", UUID.class),
        rs.getString("author_name"),
        rs.getString("body"),
        Review.Status.valueOf(rs.getString("status")),
        rs.getString("moderation_note"),
        rs.getTimestamp("written_at").toInstant());
  }
}
