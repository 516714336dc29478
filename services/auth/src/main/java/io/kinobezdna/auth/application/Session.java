package io.kinobezdna.auth.application;

import io.kinobezdna.auth.domain.Account;
import java.time.Instant;

/** A signed-in session as handed to the client: both tokens and who they belong to. */
public record Session(
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenExpiresAt,
    Account account) {}
