package io.kinobezdna.catalog.application.port;

import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.Reception;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Films and their offers, stored. */
public interface FilmRepository {

  void insert(Film film);

  /**
   * Stores a change of a film's details, offers or publication as its {@code film.version()}; false
   * when the stored film is no longer at the version before it (changed meanwhile) or gone.
   */
  boolean update(Film film);

  Optional<Film> find(UUID id);

  /** The film as this caller may see it: unknown and unpublished films look the same to viewers. */
  default Film visibleTo(Caller caller, UUID id) {
    return find(id)
        .filter(film -> film.published() || caller.editor())
        .orElseThrow(() -> Problems.noSuchFilm(id));
  }

  /** The film that sells this SKU, whatever its state. */
  Optional<Film> findBySku(long sku);

  /** Cards of the published films among these ids. */
  List<FilmCard> findPublishedCards(Collection<UUID> ids);

  /** SKUs of active offers of published films, ascending, after {@code afterSku}. */
  List<Long> listSkus(long afterSku, int count);

  /** Fresh SKUs, never handed out before. */
  List<Long> newSkus(int count);

  boolean isEmpty();

  /** Sets a film's reception if {@code version} is newer than the one it holds. */
  boolean updateReception(UUID filmId, Reception reception, long version);

  /**
   * Stores these films only if the catalog has none yet; when several instances start at once,
   * exactly one of them does it. True when this call stored them.
   */
  boolean insertIfEmpty(List<Film> films);
}
