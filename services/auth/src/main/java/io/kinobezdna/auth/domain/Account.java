package io.kinobezdna.auth.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Someone who can sign in: a unique email, a password hash, a display name and roles. */
public record Account(
    UUID id,
    Email email,
    String passwordHash,
    String displayName,
    Set<Role> roles,
    Instant createdAt) {

  public Account {
    roles = roles.isEmpty() ? Set.of(Role.USER) : Set.copyOf(EnumSet.copyOf(roles));
  }
}
