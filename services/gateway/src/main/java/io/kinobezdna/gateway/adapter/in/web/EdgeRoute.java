package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.gateway.domain.ServiceEndpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an {@code /api/<service>/rest?query} request goes: the service it names, its path at the
 * edge, the path within the service and its query as sent (still percent-encoded, or null).
 */
record EdgeRoute(String service, String path, String rest, String rawQuery) {

  private static final String API = "/api/";

  /** The services' base URLs by name. */
  static Map<String, URI> byName(List<ServiceEndpoint> services) {
    return services.stream()
        .collect(Collectors.toUnmodifiableMap(ServiceEndpoint::name, ServiceEndpoint::baseUrl));
  }

  /** The route of a request URI, or null when it names no service in {@code services}. */
  static EdgeRoute of(String uri, Set<String> services) {
    int queryAt = uri.indexOf('?');
    String path = queryAt < 0 ? uri : uri.substring(0, queryAt);
    if (!path.startsWith(API)) {
      return null;
    }
    int end = path.indexOf('/', API.length());
    String service = path.substring(API.length(), end < 0 ? path.length() : end);
    if (!services.contains(service)) {
      return null;
    }
    return new EdgeRoute(
        service,
        path,
        path.substring(API.length() + service.length()),
        queryAt < 0 ? null : uri.substring(queryAt + 1));
  }

  /** The path part of a request URI. */
  static String pathOf(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  /** A {@code .} or {@code ..} segment, plain or percent-encoded: a way out of the service. */
  boolean climbsOut() {
    if (rest.indexOf("/.") < 0 && rest.indexOf('%') < 0) {
      return false;
    }
    for (String segment : rest.split("/")) {
      String decoded = segment.replace("%2e", ".").replace("%2E", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** The request target at the service, with the query the edge let through. */
  String target(String admittedQuery) {
    return (rest.isEmpty() ? "/" : rest) + (admittedQuery == null ? "" : "?" + admittedQuery);
  }
}
