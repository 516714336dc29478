package io.kinobezdna.files.application;

import java.util.UUID;

/** Who is asking, as the files use cases need it. */
public record Caller(UUID userId) {}
