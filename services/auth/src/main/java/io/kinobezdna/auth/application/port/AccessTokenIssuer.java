package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.Account;
import java.time.Instant;

public interface AccessTokenIssuer {

  record AccessToken(String value, Instant expiresAt) {}

  AccessToken issue(Account account, Instant now);
}
