package io.kinobezdna.ugc.application;

import java.util.UUID;

/** Who is asking, as the verified token says. Every UGC write is the caller's own. */
public record Caller(UUID userId, String displayName) {}
