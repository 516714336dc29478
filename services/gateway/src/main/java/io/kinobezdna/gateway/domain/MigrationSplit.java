package io.kinobezdna.gateway.domain;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A strangler-fig migration of one route: {@code percent} of callers go to {@code target} (the new
 * service), the rest stay on the route's current upstream. Who goes where is decided by a hash of
 * the caller (user id, or address when anonymous) and the route, so one caller always lands on the
 * same side while the weight stays the same, and raising the weight only moves callers towards the
 * target, never back.
 */
public record MigrationSplit(String service, URI target, int percent) {

  public enum Side {
    CURRENT,
    TARGET
  }

  public MigrationSplit {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("a migration split needs a service");
    }
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 0 and 100");
    }
    if (target == null
        || target.getHost() == null
        || !("http".equals(target.getScheme()) || "https".equals(target.getScheme()))) {
      throw new IllegalArgumentException("target must be an http(s) URL");
    }
  }

  public Side sideFor(String stickyKey) {
    return bucket(service, stickyKey) < percent ? Side.TARGET : Side.CURRENT;
  }

  /** 0–99, uniform over callers (SHA-256 of route and caller). */
  static int bucket(String service, String stickyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((service + '\n' + stickyKey).getBytes(StandardCharsets.UTF_8));
      long value = ByteBuffer.wrap(digest).getLong() >>> 1;
      return (int) (value % 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
