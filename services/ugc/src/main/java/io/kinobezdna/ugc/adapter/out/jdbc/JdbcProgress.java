package io.kinobezdna.ugc.adapter.out.jdbc;

import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcProgress implements ProgressRepository {

  private final JdbcClient jdbc;

  public JdbcProgress(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(UUID userId, WatchProgress p) {
    jdbc.sql(
            """
            insert into progress (user_id, film_id, position_seconds, duration_seconds, updated_at)
            values (?, ?, ?, ?, ?)
            on conflict (user_id, film_id) do update set position_seconds = excluded.position_seconds,
              duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at
            """)
        .params(
            userId,
            p.filmId(),
            p.positionSeconds(),
            p.durationSeconds(),
            Timestamp.from(p.updatedAt()))
        .update();
  }

  @Override
  public Optional<WatchProgress> find(UUID userId, UUID filmId) {
    return jdbc.sql("select * from progress where user_id = ? and film_id = ?")
        .params(userId, filmId)
        .query(JdbcProgress::map)
        .optional();
  }

  @Override
  public List<WatchProgress> unfinished(UUID userId, int limit) {
    return jdbc.sql(
            "select * from progress where user_id = ? and position_seconds > 0"
                + " and position_seconds < duration_seconds * ? order by updated_at desc limit ?")
        .params(userId, WatchProgress.FINISHED_SHARE, limit)
        .query(JdbcProgress::map)
        .list();
  }

  private static WatchProgress map(ResultSet rs, int row) throws SQLException {
    return new WatchProgress(
        rs.getObject("film_id", UUID.class),
        rs.getInt("position_seconds"),
        rs.getInt("duration_seconds"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
