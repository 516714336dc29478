package io.kinobezdna.auth.adapter.out.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * Private signing keys at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the deployment's
 * key-encryption secret ({@code kb.auth.key-encryption-key}, generated with the other secrets), the
 * key id as associated data — a stored key moved to another id does not decrypt. Stored as {@code
 * v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
public final class SigningKeyCipher {

  static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] PURPOSE =
      "kinobezdna auth signing keys at rest".getBytes(StandardCharsets.UTF_8);

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private SigningKeyCipher(SecretKey key) {
    this.key = key;
  }

  /** Refuses to work without a secret: auth never keeps its signing keys in plaintext. */
  public static SigningKeyCipher fromSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "kb.auth.key-encryption-key is not set: auth keeps its signing keys encrypted and"
              + " needs the key-encryption secret (./kb up and deploy/ generate one)");
    }
    try {
      KDF hkdf = KDF.getInstance("HKDF-SHA256");
      SecretKey derived =
          hkdf.deriveKey(
              "AES",
              HKDFParameterSpec.ofExtract()
                  .addIKM(secret.getBytes(StandardCharsets.UTF_8))
                  .thenExpand(PURPOSE, 32));
      return new SigningKeyCipher(derived);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the signing-key encryption key", e);
    }
  }

  /** Whether a stored value is still plaintext (written before keys were encrypted). */
  static boolean isPlaintext(String stored) {
    return !stored.startsWith(PREFIX);
  }

  public String encrypt(String keyId, String privateJwk) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, keyId);
      byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt signing key " + keyId, e);
    }
  }

  /** The private JWK; fails when the value was altered, belongs to another id or another secret. */
  public String decrypt(String keyId, String stored) {
    if (isPlaintext(stored)) {
      return stored;
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException garbled) {
      throw new IllegalStateException("signing key " + keyId + " is not stored as v1 base64");
    }
    try {
      Cipher cipher =
          cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_BYTES), keyId);
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "signing key " + keyId + " does not decrypt: wrong kb.auth.key-encryption-key?", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String keyId) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
