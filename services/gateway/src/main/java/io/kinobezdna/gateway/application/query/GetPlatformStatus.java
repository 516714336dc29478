package io.kinobezdna.gateway.application.query;

/** Query: the health of every infrastructure server and every service, right now. */
public record GetPlatformStatus() {}
