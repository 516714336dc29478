package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.AuthPolicy;
import io.kinobezdna.auth.application.port.SigningKeyGenerator;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import io.kinobezdna.auth.domain.SigningKey;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.time.Clock;
import java.time.Instant;

/**
 * Key rotation without downtime: the new key is published at once but signs only after {@code
 * keyPublishAhead}, so verifiers see it before any token carries it; the old key signs until then
 * and stays published until its last token has expired, then it is purged.
 */
public final class RotateSigningKeyHandler {

  private final SigningKeyRepository keys;
  private final SigningKeyGenerator generator;
  private final AuthPolicy policy;
  private final Clock clock;

  public RotateSigningKeyHandler(
      SigningKeyRepository keys, SigningKeyGenerator generator, AuthPolicy policy, Clock clock) {
    this.keys = keys;
    this.generator = generator;
    this.policy = policy;
    this.clock = clock;
  }

  /** Returns the new key's id. */
  public String handle(RotateSigningKey command) {
    if (!command.requestedByAdmin()) {
      throw new PlatformError(
          ErrorKind.PERMISSION_DENIED, "ADMIN_ONLY", "Only an administrator can rotate keys.");
    }
    Instant now = clock.instant();
    SigningKey next = generator.generate(now.plus(policy.keyPublishAhead()));
    keys.rotateTo(next);
    keys.purgeRetiredBefore(now.minus(policy.accessTokenTtl()).minus(policy.keyPublishAhead()));
    return next.keyId();
  }
}
