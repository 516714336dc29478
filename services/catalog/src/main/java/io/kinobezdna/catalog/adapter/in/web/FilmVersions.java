package io.kinobezdna.catalog.adapter.in.web;

import io.kinobezdna.catalog.adapter.in.web.FilmViews.FilmView;
import io.kinobezdna.catalog.domain.Film;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * A film's version on the wire: its ETag ({@code "7"}) on every answer that shows a film, and the
 * {@code If-Match} an editor's change must carry, so a change made against a version someone else
 * has replaced is refused (409 FILM_CHANGED) instead of silently undoing theirs.
 */
final class FilmVersions {

  private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private FilmVersions() {}

  static String etag(Film film) {
    return "\"" + film.version() + "\"";
  }

  static ResponseEntity<FilmView> tagged(Film film) {
    return ResponseEntity.ok().eTag(etag(film)).body(FilmView.of(film));
  }

  /** The version an {@code If-Match} header names; a missing or malformed one is a 400. */
  static long expected(String ifMatch) {
    Matcher tag = ifMatch == null ? null : TAG.matcher(ifMatch.strip());
    if (tag == null || !tag.matches()) {
      throw PlatformError.invalidField(
          "If-Match", "send the film's ETag (its version, as GET /films/{id} gives it)");
    }
    return Long.parseLong(tag.group(1));
  }
}
