package io.kinobezdna.files.application.query;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.port.FileRepository.Filter;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.Optional;

/** A page of the caller's own files, filtered by kind, text and artist. */
public record ListMyFiles(Caller caller, Filter filter, String cursor, Integer limit) {

  public static final int MAX_TEXT = 100;

  public ListMyFiles {
    requireShort("q", filter.text());
    requireShort("artist", filter.artist());
  }

  private static void requireShort(String field, Optional<String> text) {
    if (text.filter(t -> t.length() > MAX_TEXT).isPresent()) {
      throw PlatformError.invalidField(field, "may be at most " + MAX_TEXT + " characters");
    }
  }
}
