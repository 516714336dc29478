package io.kinobezdna.users.adapter.in;

import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.users.application.Caller;
import java.util.UUID;

/** The application's view of a verified caller, the same for REST and gRPC. */
public final class Callers {

  private Callers() {}

  public static Caller of(VerifiedCaller verified) {
    return new Caller(
        UUID.fromString(verified.userId()),
        verified.displayName(),
        verified.isAdmin(),
        verified.isAdmin() || verified.hasRole(VerifiedCaller.SUPPORT));
  }
}
