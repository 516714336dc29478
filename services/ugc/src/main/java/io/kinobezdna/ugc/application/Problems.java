package io.kinobezdna.ugc.application;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.ugc.application.port.Films;
import java.util.UUID;

/** UGC's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  /** Reactions and progress are for films the catalog has: anything else is a 404. */
  public static void requireFilm(Films films, UUID filmId) {
    if (!films.exists(filmId)) {
      throw new PlatformError(ErrorKind.NOT_FOUND, "FILM_NOT_FOUND", "There is no film " + filmId);
    }
  }

  /** Moderation is for support staff and admins. */
  public static void requireModerator(Caller caller) {
    if (!caller.moderator()) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED, "MODERATORS_ONLY", "Only support staff moderate reviews.");
    }
  }

  public static PlatformError noReview() {
    return new PlatformError(ErrorKind.NOT_FOUND, "REVIEW_NOT_FOUND", "There is no such review.");
  }

  public static PlatformError reviewChangedSince() {
    return new PlatformError(
        ErrorKind.CONFLICT,
        "REVIEW_CHANGED",
        "The author changed this review after you read it; read it again.");
  }
}
