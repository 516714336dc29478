package io.kinobezdna.catalog.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a viewer typed in the search box, reduced to what matching needs: lower case, ё read as е
 * (Russian writers use both), punctuation dropped, spaces collapsed. The same reduction is applied
 * to titles when they are indexed, so both sides compare alike.
 */
public record SearchText(String normalized) {

  public static final int MAX_LENGTH = 100;

  public static SearchText of(String raw) {
    if (raw == null) {
      return new SearchText("");
    }
    String text =
        raw.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH).strip();
    }
    return new SearchText(text);
  }

  public boolean isEmpty() {
    return normalized.isEmpty();
  }

  /** The words, each of them a possible prefix of a title word. */
  public List<String> words() {
    return isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
  }
}
