package io.kinobezdna.auth.adapter.in.web;

import io.kinobezdna.platform.context.ContextPropagation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling: the one the gateway determined and set in {@value
 * ContextPropagation#CLIENT_ADDRESS} (it removes any a client sent), else the socket peer — auth
 * listens on loopback only, so that is a local caller. X-Forwarded-For is never read: its entries
 * may be a client's own.
 */
final class ClientAddress {

  private ClientAddress() {}

  static String of(HttpServletRequest request) {
    String edge = request.getHeader(ContextPropagation.CLIENT_ADDRESS);
    if (edge != null && !edge.isBlank()) {
      return edge.strip();
    }
    String remote = request.getRemoteAddr();
    return remote == null ? "" : remote;
  }
}
