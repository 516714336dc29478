package io.kinobezdna.auth.adapter.in.web;

import io.kinobezdna.auth.application.command.RotateSigningKey;
import io.kinobezdna.auth.application.command.RotateSigningKeyHandler;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys every verifier needs (JWKS), and their rotation by an administrator. */
@RestController
public class SigningKeyController {

  private final PublishedKeys publishedKeys;
  private final RotateSigningKeyHandler rotate;

  public SigningKeyController(PublishedKeys publishedKeys, RotateSigningKeyHandler rotate) {
    this.publishedKeys = publishedKeys;
    this.rotate = rotate;
  }

  @PublicEndpoint
  @GetMapping(
      path = {"/jwks", "/.well-known/jwks.json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> jwks() {
    // Short caching: a verifier that meets an unknown key id refetches anyway.
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
        .body(publishedKeys.publicSet().toJSONObject(true));
  }

  @PostMapping("/admin/signing-keys/rotate")
  Map<String, String> rotate(VerifiedCaller caller) {
    String keyId = rotate.handle(new RotateSigningKey(caller.isAdmin()));
    publishedKeys.invalidate();
    return Map.of("keyId", keyId);
  }
}
