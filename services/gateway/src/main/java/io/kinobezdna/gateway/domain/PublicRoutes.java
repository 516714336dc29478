package io.kinobezdna.gateway.domain;

import java.util.List;
import java.util.Locale;

/**
 * The API paths anyone may call without signing in (sign-in itself, the platform status, browsing
 * the catalog). Every other /api path needs a valid access token at the edge.
 *
 * <p>A rule is {@code "/api/auth/"} (any method) or {@code "GET /api/catalog/"}: a path prefix,
 * optionally limited to one method.
 */
public final class PublicRoutes {

  private record Rule(String method, String pathPrefix) {}

  private final List<Rule> rules;

  public PublicRoutes(List<String> rules) {
    this.rules =
        rules.stream()
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .map(
                r -> {
                  int space = r.indexOf(' ');
                  return space < 0
                      ? new Rule(null, r)
                      : new Rule(
                          r.substring(0, space).toUpperCase(Locale.ROOT),
                          r.substring(space + 1).strip());
                })
            .toList();
  }

  public boolean isPublic(String method, String path) {
    for (Rule rule : rules) {
      boolean methodMatches = rule.method() == null || rule.method().equals(method);
      boolean pathMatches =
          path.startsWith(rule.pathPrefix())
              || (rule.pathPrefix().endsWith("/") && path.equals(stripSlash(rule.pathPrefix())));
      if (methodMatches && pathMatches) {
        return true;
      }
    }
    return false;
  }

  private static String stripSlash(String prefix) {
    return prefix.substring(0, prefix.length() - 1);
  }
}
