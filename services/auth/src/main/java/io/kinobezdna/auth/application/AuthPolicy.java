package io.kinobezdna.auth.application;

import java.time.Duration;

/**
 * Lifetimes the use cases work with.
 *
 * @param accessTokenTtl how long an access token is valid (15 min): also how long a retired signing
 *     key stays published
 * @param refreshTokenTtl how long a session lasts without being used
 * @param keyPublishAhead how long a new signing key is published before it signs, so every
 *     verifier's JWKS cache has it by then
 */
public record AuthPolicy(
    Duration accessTokenTtl, Duration refreshTokenTtl, Duration keyPublishAhead) {}
