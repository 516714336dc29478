package io.kinobezdna.catalog.application;

import io.kinobezdna.catalog.domain.Film;
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

  /** An editor's change against a version of the film that is no longer the current one. */
  public static void rejectIfChangedSince(Film film, long expectedVersion) {
    if (film.version() != expectedVersion) {
      throw filmChanged(film.id(), expectedVersion);
    }
  }

  public static PlatformError filmChanged(UUID id, long expectedVersion) {
    return PlatformError.changedSince("FILM_CHANGED", "Film " + id, expectedVersion);
  }

  public static PlatformError editorsOnly() {
    return new PlatformError(
        ErrorKind.PERMISSION_DENIED,
        "EDITORS_ONLY",
        "Only catalog editors and administrators can edit the catalog.");
  }
}
