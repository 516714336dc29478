package io.kinobezdna.auth.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling. Behind the gateway it is the last X-Forwarded-For entry: the
 * gateway appends the address it saw, so entries a client wrote itself come before it and cannot
 * change it.
 */
final class ClientAddress {

  private ClientAddress() {}

  static String of(HttpServletRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      return hops[hops.length - 1].strip();
    }
    String remote = request.getRemoteAddr();
    return remote == null ? "" : remote;
  }
}
