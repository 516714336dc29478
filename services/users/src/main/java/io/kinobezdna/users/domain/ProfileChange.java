package io.kinobezdna.users.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A requested edit of a profile; a null field stays as it is. {@link #problems()} names every
 * invalid field, so a client can show all of them at once.
 */
public record ProfileChange(String displayName, String bio, String avatarFileId, String locale) {

  public static final int MAX_NAME = 60;
  public static final int MAX_BIO = 500;
  public static final Set<String> LOCALES = Set.of("ru", "en");

  public record Problem(String field, String description) {}

  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    if (displayName != null) {
      String name = displayName.strip();
      if (name.isEmpty()) {
        problems.add(new Problem("displayName", "must not be empty"));
      } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
        problems.add(new Problem("displayName", "must be at most " + MAX_NAME + " characters"));
      } else if (name.codePoints().anyMatch(Character::isISOControl)) {
        problems.add(new Problem("displayName", "must not contain control characters"));
      }
    }
    if (bio != null && bio.codePointCount(0, bio.length()) > MAX_BIO) {
      problems.add(new Problem("bio", "must be at most " + MAX_BIO + " characters"));
    }
    if (avatarFileId != null && !avatarFileId.isEmpty()) {
      try {
        UUID.fromString(avatarFileId);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("avatarFileId", "must be a file id"));
      }
    }
    if (locale != null && !LOCALES.contains(locale)) {
      problems.add(new Problem("locale", "must be one of " + String.join(", ", LOCALES)));
    }
    return problems;
  }

  /** The profile with this change applied (call only when there are no problems). */
  public Profile applyTo(Profile profile, Instant now) {
    UUID avatar = profile.avatarFileId();
    if (avatarFileId != null) {
      avatar = avatarFileId.isEmpty() ? null : UUID.fromString(avatarFileId);
    }
    return new Profile(
        profile.userId(),
        displayName == null ? profile.displayName() : displayName.strip(),
        bio == null ? profile.bio() : bio.strip(),
        avatar,
        locale == null ? profile.locale() : locale,
        profile.createdAt(),
        now,
        profile.version() + 1);
  }
}
