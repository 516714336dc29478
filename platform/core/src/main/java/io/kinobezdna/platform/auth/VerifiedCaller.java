package io.kinobezdna.platform.auth;

import java.time.Instant;
import java.util.Set;

/** The caller a valid access token names: user id (subject), roles and when the token expires. */
public record VerifiedCaller(String userId, Set<String> roles, Instant expiresAt) {
  public VerifiedCaller {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
