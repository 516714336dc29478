package io.kinobezdna.auth.application.query;

/** The signing keys verifiers must know now (the JWKS). */
public record GetPublishedKeys() {}
