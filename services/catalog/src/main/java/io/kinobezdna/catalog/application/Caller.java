package io.kinobezdna.catalog.application;

import java.util.UUID;

/**
 * Who is asking. Browsing is open to anyone, so the caller may be anonymous; staff (SUPPORT or
 * ADMIN) edit the catalog and see unpublished films.
 */
public record Caller(UUID userId, boolean staff) {

  public static final Caller ANONYMOUS = new Caller(null, false);
}
