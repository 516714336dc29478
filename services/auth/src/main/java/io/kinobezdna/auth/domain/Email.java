package io.kinobezdna.auth.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form (trimmed, lower case), so {@code Ann@Mail.ru} and
 * {@code ann@mail.ru} are the same account.
 */
public record Email(String value) {

  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");
  private static final int MAX_LENGTH = 254;

  public Email {
    if (problem(value).isPresent()) {
      throw new IllegalArgumentException("not a normalised email address");
    }
  }

  /** The canonical form of what a user typed, or empty when it is not an email address. */
  public static Optional<Email> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String normalised = raw.strip().toLowerCase(Locale.ROOT);
    return problem(normalised).isPresent() ? Optional.empty() : Optional.of(new Email(normalised));
  }

  private static Optional<String> problem(String value) {
    if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      return Optional.of("invalid");
    }
    return value.equals(value.strip().toLowerCase(Locale.ROOT))
        ? Optional.empty()
        : Optional.of("not normalised");
  }

  public String localPart() {
    return value.substring(0, value.indexOf('@'));
  }
}
