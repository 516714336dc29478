package io.kinobezdna.catalog.application;

import io.kinobezdna.catalog.domain.FilmDraft;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import io.kinobezdna.platform.paging.Page;
import java.util.List;
import java.util.UUID;

/** The catalog's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  public static void rejectIfAny(List<FilmDraft.Problem> problems) {
    if (!problems.isEmpty()) {
      throw PlatformError.invalid(
          problems.stream().map(p -> new FieldViolation(p.field(), p.description())).toList());
    }
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

  public static Page.Cursor cursor(String raw) {
    return Page.Cursor.decode(raw)
        .orElseThrow(() -> PlatformError.invalidField("cursor", "is not a cursor from this list"));
  }

  public static int pageSize(Integer requested) {
    if (requested == null) {
      return Page.DEFAULT_SIZE;
    }
    if (requested < 1 || requested > Page.MAX_SIZE) {
      throw PlatformError.invalidField("limit", "must be from 1 to " + Page.MAX_SIZE);
    }
    return requested;
  }
}
