package io.kinobezdna.users.application.query;

import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.domain.Profile;
import java.util.List;

public final class GetProfilesHandler {

  private final ProfileRepository profiles;

  public GetProfilesHandler(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  public List<Profile> handle(GetProfiles query) {
    if (query.userIds().size() > GetProfiles.MAX) {
      throw PlatformError.invalidField("user_ids", "at most " + GetProfiles.MAX + " at once");
    }
    return query.userIds().isEmpty() ? List.of() : profiles.findAll(query.userIds());
  }
}
