package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Cards of many published films at once (for rooms, the BFF, a "want to watch" list). */
public final class GetFilmCardsHandler {

  public static final int MAX_IDS = 200;

  private final FilmRepository films;

  public GetFilmCardsHandler(FilmRepository films) {
    this.films = films;
  }

  public List<FilmCard> handle(Collection<UUID> ids) {
    if (ids.size() > MAX_IDS) {
      throw PlatformError.invalidField("film_ids", "at most " + MAX_IDS + " at once");
    }
    return ids.isEmpty() ? List.of() : films.findPublishedCards(ids);
  }
}
