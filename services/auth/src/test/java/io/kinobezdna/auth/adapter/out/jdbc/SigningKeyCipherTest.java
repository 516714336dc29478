package io.kinobezdna.auth.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyCipherTest {

  private static final String JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"secret-part\"}";

  private final SigningKeyCipher cipher = SigningKeyCipher.fromSecret("a deployment's secret");

  @Test
  void aKeyIsStoredSealedAndComesBackAsItWas() {
    String stored = cipher.encrypt("kid-1", JWK);

    assertThat(stored).startsWith("v1:").doesNotContain("secret-part");
    assertThat(cipher.encrypt("kid-1", JWK)).as("a fresh nonce each time").isNotEqualTo(stored);
    assertThat(cipher.decrypt("kid-1", stored)).isEqualTo(JWK);
  }

  @Test
  void aSealedKeyOpensOnlyUnderItsOwnIdAndSecretAndUnaltered() {
    String stored = cipher.encrypt("kid-1", JWK);
    byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
    sealed[sealed.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(sealed);

    assertThatThrownBy(() -> cipher.decrypt("kid-2", stored)).hasMessageContaining("kid-2");
    assertThatThrownBy(() -> SigningKeyCipher.fromSecret("another secret").decrypt("kid-1", stored))
        .hasMessageContaining("does not decrypt");
    assertThatThrownBy(() -> cipher.decrypt("kid-1", altered)).hasMessageContaining("kid-1");
    assertThatThrownBy(() -> cipher.decrypt("kid-1", "v1:not base64!"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kid-1");
  }

  @Test
  void aKeyStoredBeforeEncryptionIsRecognisedAsPlaintext() {
    assertThat(SigningKeyCipher.isPlaintext(JWK)).isTrue();
    assertThat(SigningKeyCipher.isPlaintext(cipher.encrypt("kid-1", JWK))).isFalse();
    assertThat(cipher.decrypt("kid-1", JWK)).isEqualTo(JWK);
  }

  @Test
  void withoutASecretAuthRefusesToStart() {
    assertThatThrownBy(() -> SigningKeyCipher.fromSecret(" "))
        .hasMessageContaining("kb.auth.key-encryption-key is not set");
    assertThatThrownBy(() -> SigningKeyCipher.fromSecret(null))
        .isInstanceOf(IllegalStateException.class);
  }
}
