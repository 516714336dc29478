package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import java.time.Clock;

public final class UpdateProfileHandler {

  private final ProfileRepository profiles;
  private final Clock clock;

  public UpdateProfileHandler(ProfileRepository profiles, Clock clock) {
    this.profiles = profiles;
    this.clock = clock;
  }

  public Profile handle(UpdateProfile command) {
    if (!command.caller().userId().equals(command.userId()) && !command.caller().admin()) {
      throw Problems.notYours();
    }
    Problems.rejectIfAny(command.change().problems());
    Profile current =
        profiles.find(command.userId()).orElseThrow(() -> Problems.noSuchUser(command.userId()));
    if (current.version() != command.expectedVersion()) {
      throw Problems.profileChanged(command.userId(), command.expectedVersion());
    }
    Profile updated = command.change().applyTo(current, clock.instant());
    if (!profiles.update(updated)) {
      throw Problems.profileChanged(command.userId(), command.expectedVersion());
    }
    return updated;
  }
}
