package io.kinobezdna.ugc.application.query;

import io.kinobezdna.ugc.application.port.ProgressRepository;
import io.kinobezdna.ugc.domain.WatchProgress;
import java.util.List;

public final class ContinueWatchingHandler {

  static final int ROW_LENGTH = 20;

  private final ProgressRepository progress;

  public ContinueWatchingHandler(ProgressRepository progress) {
    this.progress = progress;
  }

  public List<WatchProgress> handle(ContinueWatching query) {
    return progress.unfinished(query.caller().userId(), ROW_LENGTH);
  }
}
