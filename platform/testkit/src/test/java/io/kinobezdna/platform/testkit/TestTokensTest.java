package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TestTokensTest {

  @Test
  void tokensVerifyAgainstTheServedJwksAndOnlyThere() throws Exception {
    try (TestTokens tokens = new TestTokens();
        TestTokens others = new TestTokens()) {
      SignedJWT jwt = SignedJWT.parse(tokens.tokenFor("user-1", "Ann", "USER", "ADMIN"));
      JWKSet served = JWKSet.load(URI.create(tokens.jwksUrl()).toURL());
      ECKey key = (ECKey) served.getKeyByKeyId(jwt.getHeader().getKeyID());

      assertThat(key.isPrivate()).isFalse();
      assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
      assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-1");
      assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokens.AUDIENCE);
      assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles"))
          .containsExactly("USER", "ADMIN");
      assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Ann");

      SignedJWT foreign = SignedJWT.parse(others.tokenFor("user-1", "Ann"));
      assertThat(foreign.verify(new ECDSAVerifier(key))).isFalse();
      assertThat(
              SignedJWT.parse(tokens.tokenFor("u", "U"))
                  .getJWTClaimsSet()
                  .getStringListClaim("roles"))
          .containsExactly("USER");
    }
  }
}
