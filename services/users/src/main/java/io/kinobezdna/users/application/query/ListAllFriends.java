package io.kinobezdna.users.application.query;

import java.util.UUID;

/** Every friend of {@code userId} at once, for another service that joins them with its data. */
public record ListAllFriends(UUID userId) {}
