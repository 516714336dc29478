package io.kinobezdna.users.application.command;

import io.kinobezdna.users.domain.Settings;

/** Replaces the caller's own settings (there is no way to name someone else's). */
public record UpdateSettings(Settings settings) {}
