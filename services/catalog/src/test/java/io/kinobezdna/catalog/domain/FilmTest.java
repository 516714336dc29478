package io.kinobezdna.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilmTest {

  private static FilmDraft draft(Integer year, List<String> genres, List<FilmDraft.Terms> offers) {
    return new FilmDraft(
        "Тест",
        "Test",
        "Test",
        year,
        90,
        "",
        genres,
        List.of("ru"),
        12,
        List.of("A Director"),
        List.of(),
        null,
        offers);
  }

  @Test
  void aDraftNamesEveryProblemAtOnce() {
    FilmDraft bad =
        new FilmDraft(
            " ",
            "T",
            "T",
            1700,
            0,
            null,
            List.of("drama", "telenovela"),
            List.of("Russia"),
            13,
            List.of(""),
            List.of(),
            null,
            List.of(
                new FilmDraft.Terms("BUY", -1L, "RUB"),
                new FilmDraft.Terms("GIFT", 1L, "RUB"),
                new FilmDraft.Terms("SUBSCRIPTION", 100L, "RUB")));
    assertThat(bad.problems())
        .extracting(FilmDraft.Problem::field)
        .containsExactlyInAnyOrder(
            "titleRu",
            "year",
            "durationMinutes",
            "genres",
            "countries",
            "ageRating",
            "directors",
            "offers",
            "offers",
            "offers");
  }

  @Test
  void aValidDraftBecomesTidyDetails() {
    FilmDraft good =
        draft(
            1999,
            List.of("drama", "sci-fi", "drama"),
            List.of(new FilmDraft.Terms("RENT_48H", 19900L, "RUB")));
    assertThat(good.problems()).isEmpty();
    FilmDetails details = good.details();
    assertThat(details.genres()).containsExactly(Genre.DRAMA, Genre.SCI_FI);
    assertThat(details.countries()).containsExactly("RU");
    assertThat(details.title("en")).isEqualTo("Test");
    assertThat(details.title("ru")).isEqualTo("Тест");
    assertThat(good.offerTerms())
        .containsExactly(new OfferTerms(OfferKind.RENT_48H, new Money(19900, "RUB")));
    assertThat(
            draft(
                    1999,
                    List.of("drama"),
                    List.of(
                        new FilmDraft.Terms("BUY", 1L, "RUB"),
                        new FilmDraft.Terms("BUY", 2L, "RUB")))
                .problems())
        .extracting(FilmDraft.Problem::description)
        .containsExactly("one offer per kind: BUY twice");
  }

  @Test
  void revisingKeepsSkusPerKindAndWithdrawsDroppedOffers() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Film film =
        new Film(
            UUID.randomUUID(),
            draft(2000, List.of("drama"), List.of()).details(),
            List.of(
                new Offer(11, OfferKind.RENT_48H, Money.rubles(100), true),
                new Offer(12, OfferKind.BUY, Money.rubles(500), true)),
            true,
            Reception.NONE,
            t0,
            t0,
            Film.FIRST_VERSION);
    List<OfferTerms> terms =
        List.of(
            new OfferTerms(OfferKind.RENT_48H, Money.rubles(50)),
            new OfferTerms(OfferKind.TICKET, Money.rubles(450)));
    assertThat(film.newKinds(terms)).isEqualTo(1);

    Film revised = film.revised(film.details(), terms, List.of(99L), t0.plusSeconds(60));

    assertThat(revised.offers())
        .containsExactlyInAnyOrder(
            new Offer(11, OfferKind.RENT_48H, Money.rubles(50), true),
            new Offer(99, OfferKind.TICKET, Money.rubles(450), true),
            new Offer(12, OfferKind.BUY, Money.rubles(500), false));
    assertThat(revised.activeOffers()).hasSize(2);
    assertThat(revised.offer(12)).map(Offer::active).hasValue(false);
    assertThat(revised.updatedAt()).isAfter(film.updatedAt());
    assertThat(film.withPublished(false, t0).published()).isFalse();
    assertThat(revised.version()).as("every change is the next version").isEqualTo(2);
    assertThat(film.withPublished(false, t0).version()).isEqualTo(2);
  }

  @Test
  void searchTextIsReducedLikeIndexedTitles() {
    assertThat(SearchText.of("  Броненосец «Потёмкин»!! ").normalized())
        .isEqualTo("броненосец потемкин");
    assertThat(SearchText.of("Dr. Jekyll & Mr. Hyde").words())
        .containsExactly("dr", "jekyll", "mr", "hyde");
    assertThat(SearchText.of(null).isEmpty()).isTrue();
    assertThat(SearchText.of("—").words()).isEmpty();
    assertThat(SearchText.of("x".repeat(500)).normalized()).hasSize(SearchText.MAX_LENGTH);
  }

  @Test
  void moneyAndCodesRejectNonsense() {
    assertThat(Genre.ofCode("sci-fi")).hasValue(Genre.SCI_FI);
    assertThat(Genre.ofCode("SCI_FI")).isEmpty();
    assertThat(FilmSort.ofCode("newest")).hasValue(FilmSort.NEWEST);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Money(-1, "RUB"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Money(1, "rub"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
