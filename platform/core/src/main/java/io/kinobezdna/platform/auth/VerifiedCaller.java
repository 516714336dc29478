package io.kinobezdna.platform.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The caller a valid access token names: user id (subject), display name (the {@code name} claim,
 * empty when absent), roles and when the token expires.
 */
public record VerifiedCaller(
    String userId, String displayName, Set<String> roles, Instant expiresAt) {

  public static final String ADMIN = "ADMIN";
  public static final String SUPPORT = "SUPPORT";
  public static final String EDITOR = "EDITOR";

  public VerifiedCaller {
    displayName = displayName == null ? "" : displayName;
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return hasRole(ADMIN);
  }

  /** Support staff or an administrator: who moderates and answers users. */
  public boolean isStaff() {
    return isAdmin() || hasRole(SUPPORT);
  }

  /** A catalog editor or an administrator: who edits films and sees them before publication. */
  public boolean isEditor() {
    return isAdmin() || hasRole(EDITOR);
  }

  /** The user id as the services keep it (auth issues UUIDs). */
  public UUID userUuid() {
    return UUID.fromString(userId);
  }
}
