package io.kinobezdna.auth.domain;

/**
 * What an account may do: every account is a USER; SUPPORT moderates reviews and answers users,
 * EDITOR edits the catalog, ADMIN does both and administers the platform.
 */
public enum Role {
  USER,
  SUPPORT,
  EDITOR,
  ADMIN
}
