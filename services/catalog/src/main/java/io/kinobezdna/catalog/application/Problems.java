package io.kinobezdna.catalog.application;

import io.kinobezdna.catalog.domain.FilmDraft;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import java.util.List;
import java.util.UUID;

/** The catalog's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  public static void rejectIfAny(List<FilmDraft.Problem> problems) {
    PlatformError.rejectIfAny(problems, p -> new FieldViolation(p.field(), p.description()));
  }

  /** Unknown and unpublished films look the same to viewers. */
  public static PlatformError noSuchFilm(UUID id) {
    return new PlatformError(ErrorKind.NOT_FOUND, "FILM_NOT_FOUND", "There is no film " + id);
  }

  public static PlatformError noSuchProduct(long sku) {
    return new PlatformError(
        ErrorKind.NOT_FOUND, "SKU_NOT_FOUND", "There is no product with SKU " + sku);
  }

  public static PlatformError staffOnly() {
    return new PlatformError(
        ErrorKind.PERMISSION_DENIED,
        "STAFF_ONLY",
        "Only support staff and administrators can edit the catalog.");
  }
}
