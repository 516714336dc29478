package io.kinobezdna.ugc.application;

import java.util.UUID;

/**
 * Who is asking, as the verified token says. Every UGC write is the caller's own; moderators
 * (support staff and admins) also decide about other viewers' reviews.
 */
public record Caller(UUID userId, String displayName, boolean moderator) {}
