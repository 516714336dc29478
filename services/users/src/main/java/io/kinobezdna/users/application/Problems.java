package io.kinobezdna.users.application;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.PlatformError.FieldViolation;
import io.kinobezdna.users.domain.ProfileChange;
import java.util.List;
import java.util.UUID;

/** The users service's failures, in the platform's shared vocabulary. */
public final class Problems {

  private Problems() {}

  public static void rejectIfAny(List<ProfileChange.Problem> problems) {
    PlatformError.rejectIfAny(problems, p -> new FieldViolation(p.field(), p.description()));
  }

  public static PlatformError noSuchUser(UUID userId) {
    return new PlatformError(ErrorKind.NOT_FOUND, "USER_NOT_FOUND", "There is no user " + userId);
  }

  public static PlatformError profileChanged(UUID userId, long expectedVersion) {
    return PlatformError.changedSince(
        "PROFILE_CHANGED", "The profile of " + userId, expectedVersion);
  }

  public static PlatformError notYours() {
    return new PlatformError(
        ErrorKind.PERMISSION_DENIED, "NOT_YOUR_PROFILE", "You can only change your own profile.");
  }
}
