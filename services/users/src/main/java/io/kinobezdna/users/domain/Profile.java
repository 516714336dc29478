package io.kinobezdna.users.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What other people see of a user. The avatar is a file id in the files service. Every edit makes
 * the next {@code version}; one made against an older version is refused.
 */
public record Profile(
    UUID userId,
    String displayName,
    String bio,
    UUID avatarFileId,
    String locale,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String DEFAULT_LOCALE = "ru";
  public static final long FIRST_VERSION = 1;

  public static Profile fresh(UUID userId, String displayName, Instant now) {
    String name = displayName == null || displayName.isBlank() ? "Viewer" : displayName.strip();
    return new Profile(userId, name, "", null, DEFAULT_LOCALE, now, now, FIRST_VERSION);
  }
}
