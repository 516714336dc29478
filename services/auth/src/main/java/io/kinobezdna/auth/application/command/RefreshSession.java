package io.kinobezdna.auth.application.command;

/** Exchanges a refresh token for a new token pair (the presented token is spent). */
public record RefreshSession(String refreshToken, String clientIp) {}
