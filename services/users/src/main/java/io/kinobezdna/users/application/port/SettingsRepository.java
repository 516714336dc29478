package io.kinobezdna.users.application.port;

import io.kinobezdna.users.domain.Settings;
import java.util.Optional;
import java.util.UUID;

public interface SettingsRepository {

  Optional<Settings> find(UUID userId);

  void save(Settings settings);
}
