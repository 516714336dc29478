package io.kinobezdna.catalog.application.port;

import io.kinobezdna.catalog.domain.FilmCard;
import io.kinobezdna.catalog.domain.Genre;
import io.kinobezdna.platform.paging.Page;
import java.util.List;
import java.util.Map;

/** Finds published films by text (prefixes, typos, Russian and English) and filters. */
public interface FilmSearch {

  /**
   * @param genreCounts how many films match per genre when every filter but the genre one applies
   *     (the counts a genre chip shows); empty unless asked for
   */
  record Result(List<FilmCard> films, String nextCursor, Map<Genre, Long> genreCounts) {
    public static final Result EMPTY = new Result(List.of(), "", Map.of());
  }

  Result search(FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts);
}
