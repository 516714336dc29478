package io.kinobezdna.gateway.adapter.in.web;

import java.util.Map;

/**
 * Security headers on every answer of the gateway: proxied ones and its own, the apps' static files
 * included ({@link SecurityHeadersFilter}). The CSP allows only our own origin, plus WebSocket
 * connections to it and blob:/data: media for the player and image previews.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; "
          + "connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  private SecurityHeaders() {}
}
