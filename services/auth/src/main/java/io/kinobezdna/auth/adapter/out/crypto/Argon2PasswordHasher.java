package io.kinobezdna.auth.adapter.out.crypto;

import io.kinobezdna.auth.application.port.PasswordHasher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte salt
 * and a 32-byte hash. The stored string carries its parameters, so they can be raised later and old
 * hashes still verify.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

  private final Argon2PasswordEncoder encoder;
  private final String decoy;

  public Argon2PasswordHasher() {
    this(19 * 1024, 2);
  }

  public Argon2PasswordHasher(int memoryKib, int iterations) {
    this.encoder = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
    this.decoy = encoder.encode("decoy password nobody has");
  }

  @Override
  public String hash(String password) {
    return encoder.encode(password);
  }

  @Override
  public boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  @Override
  public void matchNothing(String password) {
    encoder.matches(password, decoy);
  }
}
