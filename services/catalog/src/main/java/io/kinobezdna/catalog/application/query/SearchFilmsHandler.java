package io.kinobezdna.catalog.application.query;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.SearchText;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import io.kinobezdna.platform.paging.Page;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a search request and runs it. Genre counts come with the first page only: they describe
 * the whole result, and later pages would only repeat them.
 */
public final class SearchFilmsHandler {

  private final FilmSearch search;

  public SearchFilmsHandler(FilmSearch search) {
    this.search = search;
  }

  public FilmSearch.Result handle(SearchFilms request) {
    List<FieldViolation> problems = new ArrayList<>();
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    for (String code : request.genres() == null ? List.<String>of() : request.genres()) {
      Genre.ofCode(code)
          .ifPresentOrElse(
              genres::add,
              () -> problems.add(new FieldViolation("genre", "unknown genre '" + code + "'")));
    }
    FilmSort sort =
        request.sort() == null || request.sort().isBlank()
            ? FilmSort.RELEVANCE
            : FilmSort.ofCode(request.sort()).orElse(null);
    if (sort == null) {
      problems.add(
          new FieldViolation("sort", "must be one of relevance, popular, rating, newest, title"));
    }
    if (request.yearFrom() != null
        && request.yearTo() != null
        && request.yearFrom() > request.yearTo()) {
      problems.add(new FieldViolation("yearFrom", "must not be after yearTo"));
    }
    if (request.minRating() != null && (request.minRating() < 0 || request.minRating() > 10)) {
      problems.add(new FieldViolation("minRating", "must be from 0 to 10"));
    }
    if (request.maxAgeRating() != null
        && (request.maxAgeRating() < 0 || request.maxAgeRating() > 18)) {
      problems.add(new FieldViolation("maxAgeRating", "must be from 0 to 18"));
    }
    String country = request.country();
    if (country != null && !country.isBlank() && !country.matches("[A-Za-z]{2}")) {
      problems.add(new FieldViolation("country", "must be an ISO 3166 two-letter code"));
    }
    String language = request.language() == null ? "ru" : request.language();
    if (!language.equals("ru") && !language.equals("en")) {
      problems.add(new FieldViolation("lang", "must be ru or en"));
    }
    if (!problems.isEmpty()) {
      throw PlatformError.invalid(problems);
    }
    Page.Cursor after = Page.cursor(request.cursor());
    int limit = Page.size(request.limit());
    FilmQuery query =
        new FilmQuery(
            SearchText.of(request.text()),
            genres,
            request.yearFrom(),
            request.yearTo(),
            country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT),
            request.minRating(),
            request.maxAgeRating(),
            sort,
            language);
    return search.search(query, after, limit, after.equals(Page.Cursor.START));
  }
}
