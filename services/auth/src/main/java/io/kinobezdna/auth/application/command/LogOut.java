package io.kinobezdna.auth.application.command;

/** Ends the session the refresh token belongs to (its whole family). */
public record LogOut(String refreshToken, String clientIp) {}
