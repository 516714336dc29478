package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.port.DemoLibrary;
import io.kinobezdna.catalog.application.port.FilmRepository;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.Offer;
import io.kinobezdna.catalog.domain.OfferTerms;
import io.kinobezdna.catalog.domain.Reception;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fills an empty catalog with the demo library, all published. A catalog that has any film is left
 * alone, so editors' work is never overwritten and a restart adds nothing.
 */
public final class SeedDemoLibraryHandler {

  private final FilmRepository films;
  private final DemoLibrary library;
  private final Clock clock;

  public SeedDemoLibraryHandler(FilmRepository films, DemoLibrary library, Clock clock) {
    this.films = films;
    this.library = library;
    this.clock = clock;
  }

  /** How many films were added (zero when the catalog already had films). */
  public int handle() {
    if (!films.isEmpty()) {
      return 0;
    }
    List<DemoLibrary.DemoFilm> demo = library.films();
    Instant now = clock.instant();
    int offerCount = demo.stream().mapToInt(d -> d.draft().offerTerms().size()).sum();
    Iterator<Long> skus = films.newSkus(offerCount).iterator();
    List<Film> seeded = new ArrayList<>(demo.size());
    for (DemoLibrary.DemoFilm d : demo) {
      List<Offer> offers = new ArrayList<>();
      for (OfferTerms t : d.draft().offerTerms()) {
        offers.add(new Offer(skus.next(), t.kind(), t.price(), true));
      }
      seeded.add(
          new Film(
              d.id(),
              d.draft().details(),
              offers,
              true,
              Reception.NONE,
              now,
              now,
              Film.FIRST_VERSION));
    }
    return films.insertIfEmpty(seeded) ? seeded.size() : 0;
  }
}
