package io.kinobezdna.catalog.application;

import java.util.UUID;

/**
 * Who is asking. Browsing is open to anyone, so the caller may be anonymous; editors (EDITOR or
 * ADMIN) edit the catalog and see unpublished films. Support staff moderate reviews, not films.
 */
public record Caller(UUID userId, boolean editor) {

  public static final Caller ANONYMOUS = new Caller(null, false);
}
