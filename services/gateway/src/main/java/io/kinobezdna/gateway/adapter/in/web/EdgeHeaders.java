package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.context.ContextPropagation;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.cors.CorsConfiguration;

/**
 * What the edge does to headers on the way through, for calls ({@link EdgeCalls}) and streams
 * ({@link EdgeProxy}) alike: which of a client's headers reach a service, which of a service's
 * reach the client, and what the gateway adds to every answer (security and CORS headers).
 */
final class EdgeHeaders {

  static final String CALLER_ROLES = "x-caller-roles";
  static final String GATEWAY_PREFIX = "X-Gateway-Prefix";

  // Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the message.
  static final HttpHeaders HOP_BY_HOP =
      headerNames(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");
  // Hop-by-hop, and those set by the gateway itself (or by the WebSocket client's own handshake),
  // never by a client; an Expect: 100-continue was the client's question to the gateway, already
  // answered.
  static final HttpHeaders NOT_FORWARDED =
      headerNames(
              "host",
              "expect",
              "authorization",
              ContextPropagation.CALLER_ID,
              CALLER_ROLES,
              GATEWAY_PREFIX,
              "x-forwarded-for",
              "sec-websocket-key",
              "sec-websocket-version",
              "sec-websocket-extensions",
              "sec-websocket-protocol")
          .add(HOP_BY_HOP);
  // As ASCII strings, which Netty copies into a response in bulk rather than char by char: they
  // are most of a small answer's header bytes.
  private static final HttpHeaders SECURITY_HEADERS = new DefaultHttpHeaders();

  static {
    SecurityHeaders.ALL.forEach(
        (name, value) -> SECURITY_HEADERS.add(AsciiString.cached(name), AsciiString.cached(value)));
  }

  private final CorsConfiguration cors;
  private final String exposedHeaders;

  EdgeHeaders(CorsConfiguration cors) {
    this.cors = cors;
    this.exposedHeaders =
        cors.getExposedHeaders() == null ? "" : String.join(",", cors.getExposedHeaders());
  }

  /**
   * A request's headers as the service gets them: the client's, less hop-by-hop ones and any
   * identity it claimed, plus the verified caller ({@code caller} null for an anonymous call),
   * where the service is seen from outside, and the client's address.
   */
  static void forward(
      HttpHeaders sent,
      HttpHeaders to,
      EdgeAdmission.Admitted caller,
      String service,
      String clientAddress) {
    copy(sent, to, NOT_FORWARDED);
    if (caller.caller() != null) {
      to.set(HttpHeaderNames.AUTHORIZATION, ascii(caller.authorization()));
      to.set(ContextPropagation.CALLER_ID, caller.caller().userId());
      to.set(CALLER_ROLES, String.join(",", caller.caller().roles()));
    }
    // where the service is seen from outside (its OpenAPI document names it as the server for
    // swagger-ui's "try it out")
    to.set(GATEWAY_PREFIX, "/api/" + service);
    // the address the gateway saw goes last: what a client wrote itself comes before it
    String forwarded = sent.get("X-Forwarded-For");
    to.set("X-Forwarded-For", forwarded == null ? clientAddress : forwarded + ", " + clientAddress);
  }

  /** A gRPC-Web call: {@link GrpcWebBridge} answers it, not the proxy. */
  static boolean isGrpcWeb(HttpHeaders request) {
    String contentType = request.get(HttpHeaderNames.CONTENT_TYPE);
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/grpc-web");
  }

  /** A request that says a body follows: a non-zero length, or a transfer coding. */
  static boolean announcesBody(HttpHeaders request) {
    String length = request.get(HttpHeaderNames.CONTENT_LENGTH);
    return (length != null && !length.equals("0"))
        || request.contains(HttpHeaderNames.TRANSFER_ENCODING);
  }

  /** An answer's headers as the client gets them: the service's, less hop-by-hop ones. */
  static void answer(HttpHeaders upstream, HttpHeaders to) {
    copy(upstream, to, HOP_BY_HOP);
  }

  /** Security headers, and CORS headers for the apps' dev origins (preflights go to Spring). */
  void decorate(HttpHeaders request, HttpHeaders answer) {
    answer.setAll(SECURITY_HEADERS);
    String origin = request.get(HttpHeaderNames.ORIGIN);
    if (origin != null && cors.checkOrigin(origin) != null) {
      answer
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
          .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders)
          .add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
  }

  /**
   * A set of header names, matched regardless of case: a header set, since a request's headers are
   * sifted through it in one pass rather than copied and then removed name by name.
   */
  private static HttpHeaders headerNames(String... names) {
    HttpHeaders set = new DefaultHttpHeaders();
    for (String name : names) {
      set.add(name, "");
    }
    return set;
  }

  /** Replaces {@code to}'s headers with {@code from}'s, except those named in {@code left}. */
  private static void copy(HttpHeaders from, HttpHeaders to, HttpHeaders left) {
    to.clear();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> headers = from.iteratorCharSequence();
        headers.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      if (!left.contains(header.getKey())) {
        to.add(ascii(header.getKey()), ascii(header.getValue()));
      }
    }
  }

  /**
   * A header name or value as bytes: Netty's encoder copies an {@link AsciiString} in bulk, but a
   * String char by char (a bearer token is most of a request's header bytes). Decoded headers are
   * ISO-8859-1, one char per byte, so the bytes are the ones that came in.
   */
  private static CharSequence ascii(CharSequence text) {
    return text instanceof AsciiString
        ? text
        : new AsciiString(text.toString().getBytes(StandardCharsets.ISO_8859_1), false);
  }
}
