package io.kinobezdna.platform.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The caller a valid access token names: user id (subject), display name (the {@code name} claim,
 * empty when absent), roles and when the token expires.
 */
public record VerifiedCaller(
    String userId, String displayName, Set<String> roles, Instant expiresAt) {

  public static final String ADMIN = "ADMIN";
  public static final String SUPPORT = "SUPPORT";

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
}
