package io.kinobezdna.ugc.application.port;

import io.kinobezdna.ugc.domain.FilmTotals;
import java.util.UUID;

/** Per-film totals of likes and ratings. */
public interface FilmTotalsRepository {

  /**
   * The film's totals, locked until the transaction ends (created at zero on first use): changes to
   * one film's totals are applied one after the other.
   */
  FilmTotals lock(UUID filmId);

  /** The film's totals as they are (zero for a film nobody reacted to), without a lock. */
  FilmTotals current(UUID filmId);

  void save(FilmTotals totals);
}
