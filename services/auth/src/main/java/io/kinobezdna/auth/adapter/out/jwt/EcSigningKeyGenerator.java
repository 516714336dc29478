package io.kinobezdna.auth.adapter.out.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.kinobezdna.auth.application.port.SigningKeyGenerator;
import io.kinobezdna.auth.domain.SigningKey;
import java.time.Instant;
import java.util.UUID;

/** P-256 key pairs for ES256. */
public final class EcSigningKeyGenerator implements SigningKeyGenerator {

  @Override
  public SigningKey generate(Instant activeFrom) {
    try {
      String keyId = UUID.randomUUID().toString();
      String jwk =
          new ECKeyGenerator(Curve.P_256)
              .keyID(keyId)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .generate()
              .toJSONString();
      return new SigningKey(keyId, jwk, activeFrom, null);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }
}
