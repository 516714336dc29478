package io.kinobezdna.auth.application.query;

import io.kinobezdna.auth.application.AuthPolicy;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class GetPublishedKeysHandler {

  private final SigningKeyRepository keys;
  private final AuthPolicy policy;
  private final Clock clock;

  public GetPublishedKeysHandler(SigningKeyRepository keys, AuthPolicy policy, Clock clock) {
    this.keys = keys;
    this.policy = policy;
    this.clock = clock;
  }

  public List<SigningKey> handle(GetPublishedKeys query) {
    Instant now = clock.instant();
    return keys.all().stream().filter(k -> k.publishedAt(now, policy.accessTokenTtl())).toList();
  }
}
