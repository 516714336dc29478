package io.kinobezdna.auth.domain;

import java.util.Optional;

/** The name other people see: 1–60 characters, trimmed, no control characters. */
public final class DisplayName {

  public static final int MAX_LENGTH = 60;

  private DisplayName() {}

  /** What is wrong with the name, or empty when it is fine. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("is required");
    }
    String trimmed = name.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters");
    }
    return Optional.empty();
  }
}
