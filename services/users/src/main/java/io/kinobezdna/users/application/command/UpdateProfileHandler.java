package io.kinobezdna.users.application.command;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.Avatars;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import java.time.Clock;

/**
 * Edits a profile against the version the editor saw. A new avatar must be a public image the
 * profile's owner has in files (files is asked before anything is stored).
 */
public final class UpdateProfileHandler {

  private final ProfileRepository profiles;
  private final Avatars avatars;
  private final Clock clock;

  public UpdateProfileHandler(ProfileRepository profiles, Avatars avatars, Clock clock) {
    this.profiles = profiles;
    this.avatars = avatars;
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
    if (updated.avatarFileId() != null
        && !updated.avatarFileId().equals(current.avatarFileId())
        && !avatars.isPublicImageOf(updated.avatarFileId(), command.userId())) {
      throw PlatformError.invalidField(
          "avatarFileId", "must be a public image of the profile's owner in files");
    }
    if (!profiles.update(updated)) {
      throw Problems.profileChanged(command.userId(), command.expectedVersion());
    }
    return updated;
  }
}
