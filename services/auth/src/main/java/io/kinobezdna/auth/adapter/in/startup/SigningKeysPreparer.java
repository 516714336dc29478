package io.kinobezdna.auth.adapter.in.startup;

import io.kinobezdna.auth.application.command.PrepareSigningKeysHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Before auth takes traffic: keys an earlier version stored in plaintext are encrypted, and the
 * first key exists (readiness follows the runners, so no login meets an empty key store).
 */
public final class SigningKeysPreparer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SigningKeysPreparer.class);

  private final PrepareSigningKeysHandler keys;

  public SigningKeysPreparer(PrepareSigningKeysHandler keys) {
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    int encrypted = keys.handle();
    if (encrypted > 0) {
      log.info(
          "auth: encrypted {} signing keys stored in plaintext by an earlier version", encrypted);
    }
  }
}
