package io.kinobezdna.gateway.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Requests that move file bytes (uploads, media a browser plays or shows) rather than ask a
 * question: they may take as long as the bytes take, so they bypass the upstream timeout and the
 * circuit breaker, and — since an {@code <img>} or {@code <video>} cannot send headers — a GET may
 * carry its token as the {@code access_token} query parameter.
 *
 * <p>A rule is {@code "GET /api/files/files/* /content"} (without the space): a method (optional)
 * and a path whose {@code *} segments match any one segment.
 */
public final class TransferRoutes {

  private record Rule(String method, List<String> segments) {}

  private final List<Rule> rules;

  public TransferRoutes(List<String> rules) {
    this.rules =
        rules.stream()
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .map(
                r -> {
                  int space = r.indexOf(' ');
                  String method = space < 0 ? null : r.substring(0, space).toUpperCase(Locale.ROOT);
                  return new Rule(method, segments(r.substring(space + 1).strip()));
                })
            .toList();
  }

  public boolean isTransfer(String method, String path) {
    for (Rule rule : rules) {
      if ((rule.method() == null || rule.method().equals(method))
          && matches(rule.segments(), path)) {
        return true;
      }
    }
    return false;
  }

  /** Walks the path once, segment by segment, without splitting it (asked on every request). */
  private static boolean matches(List<String> pattern, String path) {
    int at = 0;
    for (String expected : pattern) {
      while (at < path.length() && path.charAt(at) == '/') {
        at++;
      }
      if (at == path.length()) {
        return false;
      }
      int end = path.indexOf('/', at);
      end = end < 0 ? path.length() : end;
      if (!expected.equals("*")
          && !(end - at == expected.length() && path.startsWith(expected, at))) {
        return false;
      }
      at = end;
    }
    while (at < path.length() && path.charAt(at) == '/') {
      at++;
    }
    return at == path.length();
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
