package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Problems;
import io.kinobezdna.users.application.port.SettingsRepository;
import io.kinobezdna.users.domain.Settings;

public final class UpdateSettingsHandler {

  private final SettingsRepository settings;

  public UpdateSettingsHandler(SettingsRepository settings) {
    this.settings = settings;
  }

  public Settings handle(UpdateSettings command) {
    Problems.rejectIfAny(command.settings().problems());
    settings.save(command.settings());
    return command.settings();
  }
}
