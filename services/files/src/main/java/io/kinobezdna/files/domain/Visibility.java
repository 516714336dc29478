package io.kinobezdna.files.domain;

/** Who may read a file besides its owner. */
public enum Visibility {
  /** The owner only. */
  PRIVATE,
  /** The owner and the users it is shared with. */
  SHARED,
  /** Anyone, without signing in (posters, film media). */
  PUBLIC
}
