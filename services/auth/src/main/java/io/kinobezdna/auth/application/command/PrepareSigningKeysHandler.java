package io.kinobezdna.auth.application.command;

import io.kinobezdna.auth.application.port.SigningKeyGenerator;
import io.kinobezdna.auth.application.port.SigningKeyRepository;
import java.time.Clock;

/**
 * At start-up: keys an earlier version kept in plaintext are encrypted, and a key signing at once
 * is created unless a usable one signs already (the first start, or a replaced key-encryption
 * secret). Safe to run on several instances at once.
 */
public final class PrepareSigningKeysHandler {

  private final SigningKeyRepository keys;
  private final SigningKeyGenerator generator;
  private final Clock clock;

  public PrepareSigningKeysHandler(
      SigningKeyRepository keys, SigningKeyGenerator generator, Clock clock) {
    this.keys = keys;
    this.generator = generator;
    this.clock = clock;
  }

  /** Returns how many keys were encrypted. */
  public int handle() {
    int encrypted = keys.encryptPlaintextKeys();
    keys.insertIfNoneSigns(generator.generate(clock.instant()));
    return encrypted;
  }
}
