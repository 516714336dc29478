package io.kinobezdna.ugc.adapter.in;

import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.ugc.application.Caller;

/** The application's view of a verified caller. */
public final class Callers {

  private Callers() {}

  public static Caller of(VerifiedCaller verified) {
    return new Caller(verified.userUuid(), verified.displayName(), verified.isStaff());
  }
}
