package io.kinobezdna.auth.domain;

/** What an account may do: every account is a USER; staff also have SUPPORT or ADMIN. */
public enum Role {
  USER,
  SUPPORT,
  ADMIN
}
