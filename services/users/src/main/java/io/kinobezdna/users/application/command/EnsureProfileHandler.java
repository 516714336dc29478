package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import java.time.Clock;

public final class EnsureProfileHandler {

  private final ProfileRepository profiles;
  private final Clock clock;

  public EnsureProfileHandler(ProfileRepository profiles, Clock clock) {
    this.profiles = profiles;
    this.clock = clock;
  }

  public void handle(EnsureProfile command) {
    profiles.insertIfAbsent(
        Profile.fresh(command.caller().userId(), command.caller().displayName(), clock.instant()));
  }
}
