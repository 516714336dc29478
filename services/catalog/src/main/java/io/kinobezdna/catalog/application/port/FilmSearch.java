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
   * @param correctedText the text the films were found for when the typed text matched nothing and
   *     was taken for a typo; empty when they match the text as typed
   */
  record Result(
      List<FilmCard> films, String nextCursor, Map<Genre, Long> genreCounts, String correctedText) {
    public static final Result EMPTY = new Result(List.of(), "", Map.of(), "");
  }

  Result search(FilmQuery query, Page.Cursor after, int limit, boolean withGenreCounts);
}
