package io.kinobezdna.catalog.application.port;

import java.util.Optional;
import java.util.UUID;

/** Which file in the files service holds a film's poster or video. */
public interface FilmMediaFiles {

  enum Kind {
    POSTER,
    VIDEO
  }

  Optional<UUID> find(UUID filmId, Kind kind);

  /** Records the file unless another was recorded first; returns the one recorded. */
  UUID remember(UUID filmId, Kind kind, UUID fileId);
}
