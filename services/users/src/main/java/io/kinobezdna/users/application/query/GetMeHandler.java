package io.kinobezdna.users.application.query;

import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.ProfileRepository;
import io.kinobezdna.users.application.port.SettingsRepository;
import io.kinobezdna.users.domain.Profile;
import io.kinobezdna.users.domain.Settings;

public final class GetMeHandler {

  public record Me(Profile profile, Settings settings) {}

  private final ProfileRepository profiles;
  private final SettingsRepository settings;

  public GetMeHandler(ProfileRepository profiles, SettingsRepository settings) {
    this.profiles = profiles;
    this.settings = settings;
  }

  public Me handle(GetMe query) {
    var id = query.caller().userId();
    return new Me(
        profiles.find(id).orElseThrow(() -> Problems.noSuchUser(id)),
        settings.find(id).orElse(Settings.defaults(id)));
  }
}
