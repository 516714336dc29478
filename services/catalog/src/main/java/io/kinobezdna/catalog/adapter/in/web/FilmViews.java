package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.MediaPaths;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmDetails;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.Offer;
import java.util.List;

/** The JSON shapes of the catalog's REST API. */
public final class FilmViews {

  private FilmViews() {}

  public record CardView(
      String id,
      String titleRu,
      String titleEn,
      String originalTitle,
      int year,
      int durationMinutes,
      List<String> genres,
      List<String> countries,
      int ageRating,
      double averageRating,
      long ratingCount,
      long likeCount,
      String posterUrl,
      String videoUrl) {

    static CardView of(FilmCard c) {
      return new CardView(
          c.id().toString(),
          c.titleRu(),
          c.titleEn(),
          c.originalTitle(),
          c.year(),
          c.durationMinutes(),
          c.genres().stream().map(Genre::code).toList(),
          c.countries(),
          c.ageRating(),
          c.reception().averageRating(),
          c.reception().ratingCount(),
          c.reception().likeCount(),
          MediaPaths.posterPath(c.id()),
          MediaPaths.videoPath(c.id()));
    }
  }

  public record PriceView(long minorUnits, String currency) {}

  public record OfferView(long sku, String kind, String labelRu, String labelEn, PriceView price) {

    static OfferView of(Offer o) {
      return new OfferView(
          o.sku(),
          o.kind().name(),
          o.kind().labelRu(),
          o.kind().labelEn(),
          new PriceView(o.price().minorUnits(), o.price().currency()));
    }
  }

  public record FilmView(
      CardView card,
      String synopsis,
      List<String> directors,
      List<String> cast,
      String studio,
      boolean published,
      List<OfferView> offers,
      long version) {

    static FilmView of(Film film) {
      FilmDetails d = film.details();
      return new FilmView(
          CardView.of(FilmCard.of(film)),
          d.synopsis(),
          d.directors(),
          d.cast(),
          d.studio(),
          film.published(),
          film.activeOffers().stream().map(OfferView::of).toList(),
          film.version());
    }
  }

  public record GenreView(String code, String nameRu, String nameEn) {

    static GenreView of(Genre g) {
      return new GenreView(g.code(), g.nameRu(), g.nameEn());
    }
  }

  /**
   * One page of films; genre counts (code → films) come with the first page only.
   *
   * @param correctedQuery what the films were found for when the typed text matched nothing and was
   *     taken for a typo ("Showing results for …"); empty otherwise
   */
  public record FilmPage(
      List<CardView> items,
      String nextCursor,
      java.util.Map<String, Long> genreCounts,
      String correctedQuery) {}
}
