package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.Problems;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.Offer;
import io.kinobezdna.catalog.domain.OfferTerms;
import io.kinobezdna.catalog.domain.Reception;
import io.kinobezdna.platform.id.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

public final class CreateFilmHandler {

  private final FilmRepository films;
  private final UuidV7 ids;
  private final Clock clock;

  public CreateFilmHandler(FilmRepository films, UuidV7 ids, Clock clock) {
    this.films = films;
    this.ids = ids;
    this.clock = clock;
  }

  public Film handle(CreateFilm command) {
    if (!command.caller().editor()) {
      throw Problems.editorsOnly();
    }
    Problems.rejectIfAny(command.draft().problems());
    List<OfferTerms> terms = command.draft().offerTerms();
    Iterator<Long> skus = films.newSkus(terms.size()).iterator();
    List<Offer> offers = new ArrayList<>();
    for (OfferTerms t : terms) {
      offers.add(new Offer(skus.next(), t.kind(), t.price(), true));
    }
    Instant now = clock.instant();
    Film film =
        new Film(
            ids.next(),
            command.draft().details(),
            offers,
            command.publish(),
            Reception.NONE,
            now,
            now,
            Film.FIRST_VERSION);
    films.insert(film);
    return film;
  }
}
