package io.kinobezdna.catalog.adapter.out.jdbc;

import io.kinobezdna.catalog.application.port.FilmMediaFiles;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcFilmMediaFiles implements FilmMediaFiles {

  private final JdbcClient jdbc;
  private final Clock clock;

  public JdbcFilmMediaFiles(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<UUID> find(UUID filmId, Kind kind) {
    return jdbc.sql("select file_id from film_media_files where film_id = :film and kind = :kind")
        .param("film", filmId)
        .param("kind", code(kind))
        .query(UUID.class)
        .optional();
  }

  @Override
  public UUID remember(UUID filmId, Kind kind, UUID fileId) {
    // one statement: insert, or keep what another instance recorded first and return that
    return jdbc.sql(
            "with added as (insert into film_media_files (film_id, kind, file_id, stored_at)"
                + " values (:film, :kind, :file, :at) on conflict do nothing returning file_id)"
                + " select file_id from added union all select file_id from film_media_files"
                + " where film_id = :film and kind = :kind limit 1")
        .param("film", filmId)
        .param("kind", code(kind))
        .param("file", fileId)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .query(UUID.class)
        .single();
  }

  private static String code(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
