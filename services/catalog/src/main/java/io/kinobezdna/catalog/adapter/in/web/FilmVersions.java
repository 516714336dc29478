package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.web.FilmViews.FilmView;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.platform.web.IfMatch;
import org.springframework.http.ResponseEntity;

/**
 * A film's version on the wire ({@link IfMatch}): its ETag on every answer that shows a film, and
 * the {@code If-Match} an editor's change must carry (409 FILM_CHANGED when it is stale).
 */
final class FilmVersions {

  private FilmVersions() {}

  static String etag(Film film) {
    return IfMatch.etag(film.version());
  }

  static ResponseEntity<FilmView> tagged(Film film) {
    return ResponseEntity.ok().eTag(etag(film)).body(FilmView.of(film));
  }

  static long expected(String ifMatch) {
    return IfMatch.version(ifMatch, "GET /films/{id}");
  }
}
