package io.kinobezdna.catalog.adapter.out.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.catalog.application.port.DemoLibrary.DemoFilm;
import io.kinobezdna.catalog.domain.OfferKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledDemoLibraryTest {

  private final List<DemoFilm> films = new BundledDemoLibrary(480).films();

  @Test
  void theLibraryHasOverFiveHundredValidFilmsWithDistinctIdsAndTitles() {
    assertThat(films).hasSizeGreaterThanOrEqualTo(500);
    for (DemoFilm film : films) {
      assertThat(film.draft().problems()).as(film.draft().titleEn()).isEmpty();
    }
    assertThat(films.stream().map(DemoFilm::id).distinct()).hasSize(films.size());
    assertThat(films.stream().map(f -> f.draft().titleRu()).distinct()).hasSize(films.size());
  }

  @Test
  void theLibraryIsTheSameOnEveryMachine() {
    List<DemoFilm> again = new BundledDemoLibrary(480).films();
    assertThat(again).isEqualTo(films);
    assertThat(films.getFirst().draft().titleEn()).isEqualTo("Metropolis");
  }

  @Test
  void everyFilmIsForSaleAndSomeAreIncludedOrPremieres() {
    assertThat(films).allSatisfy(f -> assertThat(f.draft().offerTerms()).isNotEmpty());
    assertThat(films)
        .anySatisfy(
            f -> assertThat(f.draft().offerTerms()).anyMatch(t -> t.kind() == OfferKind.TICKET));
    assertThat(films)
        .filteredOn(
            f -> f.draft().offerTerms().stream().anyMatch(t -> t.kind() == OfferKind.SUBSCRIPTION))
        .hasSizeGreaterThan(films.size() / 2);
  }
}
