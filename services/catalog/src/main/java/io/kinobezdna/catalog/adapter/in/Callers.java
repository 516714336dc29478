package io.kinobezdna.catalog.adapter.in;

import io.kinobezdna.catalog.application.Caller;
import io.kinobezdna.platform.auth.VerifiedCaller;
import java.util.Optional;

/** The application's view of a verified (or absent) caller, the same for REST and gRPC. */
public final class Callers {

  private Callers() {}

  public static Caller of(VerifiedCaller verified) {
    return new Caller(verified.userUuid(), verified.isEditor());
  }

  public static Caller of(Optional<VerifiedCaller> verified) {
    return verified.map(Callers::of).orElse(Caller.ANONYMOUS);
  }
}
