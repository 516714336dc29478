package io.kinobezdna.catalog.application.command;

import io.kinobezdna.catalog.application.port.FilmQuery;
import io.kinobezdna.catalog.application.port.FilmSearch;
import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.FilmSort;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.catalog.domain.SearchText;
import io.kinobezdna.platform.paging.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Makes sure the posters of the films the site's home rows show — the newest, the most popular, and
 * the newest of each home genre — are rendered and stored, so the first visitor after a fresh start
 * sees them at once instead of waiting while each is rendered on request. Returns how many films'
 * posters it saw to.
 */
public final class WarmHomePostersHandler {

  /** As many films as a home row shows. */
  static final int ROW_LENGTH = 12;

  private final FilmSearch search;
  private final Consumer<UUID> providePoster;
  private final List<Genre> homeGenres;

  /**
   * @param providePoster renders and stores a film's poster unless it is stored already
   */
  public WarmHomePostersHandler(
      FilmSearch search, Consumer<UUID> providePoster, List<Genre> homeGenres) {
    this.search = search;
    this.providePoster = providePoster;
    this.homeGenres = List.copyOf(homeGenres);
  }

  public int handle() {
    Set<UUID> films = new LinkedHashSet<>();
    for (FilmQuery row : rows()) {
      search.search(row, Page.Cursor.START, ROW_LENGTH, false).films().stream()
          .map(FilmCard::id)
          .forEach(films::add);
    }
    films.forEach(providePoster);
    return films.size();
  }

  private List<FilmQuery> rows() {
    List<FilmQuery> rows = new ArrayList<>();
    rows.add(row(Set.of(), FilmSort.NEWEST));
    rows.add(row(Set.of(), FilmSort.POPULAR));
    homeGenres.forEach(genre -> rows.add(row(Set.of(genre), FilmSort.NEWEST)));
    return rows;
  }

  private static FilmQuery row(Set<Genre> genres, FilmSort sort) {
    return new FilmQuery(SearchText.of(""), genres, null, null, null, null, null, sort, "en");
  }
}
