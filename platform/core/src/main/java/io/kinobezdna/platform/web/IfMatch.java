package io.kinobezdna.platform.web;

import io.kinobezdna.platform.errors.PlatformError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag ({@code "7"}), and a change
 * sends the version it was made against as {@code If-Match}. The service refuses a change made
 * against a version that is no longer current ({@link PlatformError#changedSince}, 409
 * problem+json), so two editors cannot silently undo each other's work.
 */
public final class IfMatch {

  private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private IfMatch() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** A 200 answer of a versioned resource, its version as the ETag. */
  public static <T> ResponseEntity<T> tagged(long version, T body) {
    return ResponseEntity.ok().eTag(etag(version)).body(body);
  }

  /**
   * The version an {@code If-Match} header names; a missing or malformed one is a 400 naming {@code
   * where} the client gets the version from.
   */
  public static long version(String header, String where) {
    Matcher tag = header == null ? null : TAG.matcher(header.strip());
    if (tag == null || !tag.matches()) {
      throw PlatformError.invalidField(
          "If-Match", "send the version this change was made against (the ETag of " + where + ")");
    }
    return Long.parseLong(tag.group(1));
  }
}
