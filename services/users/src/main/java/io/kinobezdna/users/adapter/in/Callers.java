package io.kinobezdna.users.adapter.in;

import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.users.application.Caller;

/** The application's view of a verified caller, the same for REST and gRPC. */
public final class Callers {

  private Callers() {}

  public static Caller of(VerifiedCaller verified) {
    return new Caller(
        verified.userUuid(), verified.displayName(), verified.isAdmin(), verified.isStaff());
  }
}
