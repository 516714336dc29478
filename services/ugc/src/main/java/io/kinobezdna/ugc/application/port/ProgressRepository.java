package io.kinobezdna.ugc.application.port;

import io.kinobezdna.ugc.domain.WatchProgress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ProgressRepository {

  void save(UUID userId, WatchProgress progress);

  Optional<WatchProgress> find(UUID userId, UUID filmId);

  /** Films the viewer started and has not finished, most recent first. */
  List<WatchProgress> unfinished(UUID userId, int limit);
}
