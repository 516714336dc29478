package io.kinobezdna.auth.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A sane password policy in the spirit of NIST SP 800-63B: long enough, not absurdly long, not one
 * of the passwords every attacker tries first, not the email itself. No composition rules: they
 * make passwords harder to remember, not harder to guess.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON =
      Set.of(
          "1234567890",
          "12345678910",
          "0123456789",
          "qwertyuiop",
          "password123",
          "password1234",
          "iloveyou123",
          "1q2w3e4r5t",
          "qwerty12345",
          "abcdefghij",
          "passw0rd123",
          "kinobezdna1");

  private PasswordPolicy() {}

  /** What is wrong with the password, or empty when it is acceptable. */
  public static Optional<String> problem(String password, Email email) {
    if (password == null || password.isEmpty()) {
      return Optional.of("is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
      return Optional.of("is too easy to guess");
    }
    if (email != null && lower.contains(email.localPart()) && email.localPart().length() >= 4) {
      return Optional.of("must not contain your email address");
    }
    return Optional.empty();
  }
}
