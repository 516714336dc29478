package io.kinobezdna.users.application.command;

import io.kinobezdna.users.application.Caller;
import io.kinobezdna.users.domain.ProfileChange;
import java.util.UUID;

/**
 * Edits a profile: one's own, or anyone's for an admin (moderation), as it was at {@code
 * expectedVersion}.
 */
public record UpdateProfile(
    Caller caller, UUID userId, long expectedVersion, ProfileChange change) {}
