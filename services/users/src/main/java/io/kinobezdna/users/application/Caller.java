package io.kinobezdna.users.application;

import java.util.UUID;

/** Who is asking, as the verified token says. Staff are SUPPORT or ADMIN. */
public record Caller(UUID userId, String displayName, boolean admin, boolean staff) {}
