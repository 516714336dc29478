package io.kinobezdna.auth.adapter.out.crypto;

import io.kinobezdna.auth.application.port.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * 256-bit random tokens, stored as their SHA-256. A plain hash (no salt, no slow function) is right
 * here: the token is random and long, so there is nothing to brute-force, and a fast hash lets the
 * database look tokens up by it.
 */
public final class Sha256SecureTokens implements SecureTokens {

  private final SecureRandom random = new SecureRandom();

  @Override
  public String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
