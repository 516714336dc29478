package io.kinobezdna.auth.application;

import io.kinobezdna.auth.application.port.AccessTokenIssuer;
import io.kinobezdna.auth.application.port.RefreshTokenRepository;
import io.kinobezdna.auth.application.port.SecureTokens;
import io.kinobezdna.auth.domain.Account;
import io.kinobezdna.auth.domain.RefreshToken;
import io.kinobezdna.platform.id.UuidV7;
import java.time.Instant;
import java.util.UUID;

/** Issues the token pair of a session: a new family at sign-in, the next token on refresh. */
public final class SessionIssuer {

  private final RefreshTokenRepository refreshTokens;
  private final AccessTokenIssuer accessTokens;
  private final SecureTokens secureTokens;
  private final UuidV7 ids;
  private final AuthPolicy policy;

  public SessionIssuer(
      RefreshTokenRepository refreshTokens,
      AccessTokenIssuer accessTokens,
      SecureTokens secureTokens,
      UuidV7 ids,
      AuthPolicy policy) {
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.secureTokens = secureTokens;
    this.ids = ids;
    this.policy = policy;
  }

  /** A new session (a new token family). Call inside the transaction that justifies it. */
  public Session start(Account account, Instant now) {
    return continueFamily(account, ids.next(), now);
  }

  /** The next token pair of an existing family. */
  public Session continueFamily(Account account, UUID familyId, Instant now) {
    String refresh = secureTokens.newToken();
    Instant refreshExpiresAt = now.plus(policy.refreshTokenTtl());
    refreshTokens.insert(
        new RefreshToken(
            ids.next(),
            familyId,
            account.id(),
            secureTokens.hash(refresh),
            now,
            refreshExpiresAt,
            null,
            null));
    AccessTokenIssuer.AccessToken access = accessTokens.issue(account, now);
    return new Session(access.value(), access.expiresAt(), refresh, refreshExpiresAt, account);
  }
}
