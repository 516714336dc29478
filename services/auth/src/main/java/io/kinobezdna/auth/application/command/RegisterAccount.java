package io.kinobezdna.auth.application.command;

/** Sign-up: a new USER account, signed in at once. */
public record RegisterAccount(String email, String password, String displayName, String clientIp) {}
