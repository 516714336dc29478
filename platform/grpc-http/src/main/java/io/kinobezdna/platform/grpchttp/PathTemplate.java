package io.kinobezdna.platform.grpchttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path of a {@code google.api.http} rule: literal segments and single-segment variables, e.g.
 * {@code /user/{user_id}/cart/{sku}}. Multi-segment ({@code **}) and nested-field variables are not
 * used by our contracts and are refused when a route is built, so a contract that needs them fails
 * at start-up instead of answering oddly.
 */
public final class PathTemplate {

  private final String text;
  private final List<String> segments;

  private PathTemplate(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  public static PathTemplate parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with '/': " + text);
    }
    List<String> segments = new ArrayList<>(List.of(text.substring(1).split("/", -1)));
    for (String segment : segments) {
      boolean variable = segment.startsWith("{") && segment.endsWith("}");
      String inside = variable ? segment.substring(1, segment.length() - 1) : segment;
      if (segment.isEmpty()
          || inside.contains("=")
          || inside.contains(".")
          || inside.contains("*")
          || (!variable && (segment.contains("{") || segment.contains("}")))) {
        throw new IllegalArgumentException("unsupported route path: " + text);
      }
    }
    return new PathTemplate(text, List.copyOf(segments));
  }

  /** The variables' values when the path matches, by field name; empty when it does not. */
  public Optional<Map<String, String>> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = segments.get(i);
      if (isVariable(segment)) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        variables.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(variables);
  }

  public List<String> variables() {
    return segments.stream()
        .filter(PathTemplate::isVariable)
        .map(s -> s.substring(1, s.length() - 1))
        .toList();
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{");
  }

  /** The path as written in the rule (OpenAPI uses the same {name} form). */
  @Override
  public String toString() {
    return text;
  }
}
