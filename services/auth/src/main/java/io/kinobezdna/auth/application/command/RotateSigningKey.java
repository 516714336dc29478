package io.kinobezdna.auth.application.command;

/** Starts a new signing key; only an administrator may. */
public record RotateSigningKey(boolean requestedByAdmin) {}
