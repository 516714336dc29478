package io.kinobezdna.files.application.query;

import java.util.Optional;
import java.util.UUID;

/** One file's description, for a viewer (empty: not signed in). */
public record GetFile(Optional<UUID> viewer, UUID fileId) {}
