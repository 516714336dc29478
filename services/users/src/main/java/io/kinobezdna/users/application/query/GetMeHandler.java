package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.application.port.SettingsRepository;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Settings;
import java.util.Optional;

public final class GetMeHandler {

  public record Me(Profile profile, Settings settings) {}

  private final ProfileRepository profiles;
  private final SettingsRepository settings;

  public GetMeHandler(ProfileRepository profiles, SettingsRepository settings) {
    this.profiles = profiles;
    this.settings = settings;
  }

  /** The caller's profile and settings; empty until their first write creates the profile. */
  public Optional<Me> handle(GetMe query) {
    var id = query.caller().userId();
    return profiles.find(id).map(p -> new Me(p, settings.find(id).orElse(Settings.defaults(id))));
  }
}
