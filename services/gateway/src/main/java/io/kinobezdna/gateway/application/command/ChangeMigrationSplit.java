package io.kinobezdna.gateway.application.command;

/**
 * Sends {@code percent} of a route's callers to {@code target} (an http(s) URL), or keeps the
 * current target when {@code target} is null.
 */
public record ChangeMigrationSplit(
    String service, String target, Integer percent, boolean requestedByAdmin) {}
