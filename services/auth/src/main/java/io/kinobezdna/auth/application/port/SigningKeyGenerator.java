package io.kinobezdna.auth.application.port;

import io.kinobezdna.auth.domain.SigningKey;
import java.time.Instant;

public interface SigningKeyGenerator {

  /** A fresh key pair that starts signing at {@code activeFrom}. */
  SigningKey generate(Instant activeFrom);
}
