package io.kinobezdna.gateway.adapter.in.web;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/**
 * gRPC-Web at the edge. Browsers cannot read HTTP/2 trailers, so they cannot speak gRPC; a POST to
 * {@code /api/<service>/grpc-web/<package.Service>/<Method>} with a gRPC-Web content type is sent
 * on as native gRPC (HTTP/2 without TLS) to that service's gRPC port. The answer streams back as
 * gRPC-Web: each message as soon as it arrives (server streaming works), then the trailers as a
 * final frame. It runs after edge authentication and rate limiting, so the caller's verified
 * identity and token travel on as gRPC metadata.
 *
 * <p>No circuit breaker and no timeout of its own: calls may be long-lived streams, and the
 * client's {@code grpc-timeout} travels with the call for the service to enforce.
 */
public final class GrpcWebBridge implements WebFilter {

  private static final Pattern PATH =
      Pattern.compile("^/api/([a-z0-9-]+)/grpc-web/([A-Za-z0-9_.]+/[A-Za-z0-9_]+)$");
  private static final String GRPC_WEB = "application/grpc-web";
  private static final String GRPC_WEB_TEXT = "application/grpc-web-text";
  // One message per call (gRPC-Web has no client streaming); a larger body is refused.
  private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  // Request headers that describe the browser's HTTP/1.1 request, not the call (HTTP/2 forbids the
  // connection-specific ones).
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "proxy-connection",
          "http2-settings",
          "content-length",
          "content-type",
          "accept",
          "accept-encoding",
          "accept-language",
          "origin",
          "referer",
          "cookie",
          "te",
          "upgrade",
          "keep-alive",
          "transfer-encoding",
          "x-grpc-web");

  private final Map<String, URI> grpcUpstreams;
  private final HttpClient client = HttpClient.create().protocol(HttpProtocol.H2C);

  /** {@code grpcUpstreams}: service name → {@code http://host:grpcPort}. */
  public GrpcWebBridge(Map<String, URI> grpcUpstreams) {
    this.grpcUpstreams = Map.copyOf(grpcUpstreams);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String contentType = request.getHeaders().getFirst("content-type");
    if (request.getMethod() != HttpMethod.POST
        || contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith(GRPC_WEB)) {
      return chain.filter(exchange);
    }
    Matcher path = PATH.matcher(request.getPath().value());
    if (!path.matches()) {
      return chain.filter(exchange);
    }
    boolean text = contentType.toLowerCase(Locale.ROOT).startsWith(GRPC_WEB_TEXT);
    URI upstream = grpcUpstreams.get(path.group(1));
    if (upstream == null) {
      return trailersOnly(
          exchange, text, GrpcStatus.UNIMPLEMENTED, "No gRPC service named " + path.group(1) + ".");
    }
    return DataBufferUtils.join(request.getBody(), MAX_REQUEST_BYTES)
        .map(GrpcWebBridge::bytesOf)
        .defaultIfEmpty(new byte[0])
        .map(body -> text ? Base64.getDecoder().decode(body) : body)
        .flatMap(call -> forward(exchange, upstream.resolve("/" + path.group(2)), call, text))
        .onErrorResume(
            DataBufferLimitException.class,
            e ->
                trailersOnly(
                    exchange, text, GrpcStatus.RESOURCE_EXHAUSTED, "The request is too large."))
        .onErrorResume(
            IllegalArgumentException.class,
            e ->
                trailersOnly(
                    exchange, text, GrpcStatus.INVALID_ARGUMENT, "The request is not base64."));
  }

  private Mono<Void> forward(ServerWebExchange exchange, URI target, byte[] call, boolean text) {
    ServerHttpResponse response = exchange.getResponse();
    Flux<byte[]> answer =
        client
            .headers(
                h -> {
                  exchange
                      .getRequest()
                      .getHeaders()
                      .forEach(
                          (name, values) -> {
                            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                              h.add(name, values);
                            }
                          });
                  h.set("content-type", "application/grpc");
                  h.set("te", "trailers");
                })
            .post()
            .uri(target)
            .send(Mono.just(Unpooled.wrappedBuffer(call)))
            .response(
                (upstream, body) -> {
                  response.setStatusCode(HttpStatus.OK);
                  response.getHeaders().set("content-type", responseType(text));
                  if (upstream.status().code() != 200) {
                    // Not a gRPC answer at all (a proxy or a wrong port): say so in gRPC terms.
                    return body.then(
                        Mono.just(
                            GrpcWebFrames.trailers(
                                Map.of(
                                    "grpc-status",
                                    Integer.toString(GrpcStatus.UNAVAILABLE),
                                    "grpc-message",
                                    "upstream answered HTTP " + upstream.status().code()))));
                  }
                  Mono<byte[]> trailers =
                      upstream
                          .trailerHeaders()
                          .map(t -> t.contains("grpc-status") ? t : upstream.responseHeaders())
                          .defaultIfEmpty(upstream.responseHeaders())
                          .map(t -> GrpcWebFrames.trailers(grpcEntries(t)));
                  return body.asByteArray().concatWith(trailers);
                })
            .map(frame -> text ? Base64.getEncoder().encode(frame) : frame);
    return response
        .writeAndFlushWith(answer.map(frame -> Mono.just(response.bufferFactory().wrap(frame))))
        .onErrorResume(
            e ->
                response.isCommitted()
                    ? Mono.error(e)
                    : trailersOnly(
                        exchange,
                        text,
                        GrpcStatus.UNAVAILABLE,
                        "The service behind this call is unavailable."));
  }

  private static Map<String, String> grpcEntries(HttpHeaders headers) {
    Map<String, String> entries = new java.util.LinkedHashMap<>();
    headers.forEach(
        h -> {
          String name = h.getKey().toLowerCase(Locale.ROOT);
          if (name.startsWith("grpc-")) {
            entries.put(name, h.getValue());
          }
        });
    entries.putIfAbsent("grpc-status", Integer.toString(GrpcStatus.UNKNOWN));
    return entries;
  }

  /** An answer with no messages: the status travels in the headers (allowed by gRPC-Web). */
  private static Mono<Void> trailersOnly(
      ServerWebExchange exchange, boolean text, int status, String message) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.OK);
    response.getHeaders().set("content-type", responseType(text));
    response.getHeaders().set("grpc-status", Integer.toString(status));
    response.getHeaders().set("grpc-message", GrpcWebFrames.percentEncode(message));
    return response.setComplete();
  }

  private static String responseType(boolean text) {
    return text ? GRPC_WEB_TEXT + "+proto" : GRPC_WEB + "+proto";
  }

  private static byte[] bytesOf(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  /** The gRPC status codes the bridge itself answers with. */
  static final class GrpcStatus {
    static final int UNKNOWN = 2;
    static final int INVALID_ARGUMENT = 3;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int UNIMPLEMENTED = 12;
    static final int UNAVAILABLE = 14;

    private GrpcStatus() {}
  }

  /** gRPC-Web's body framing for trailers: flag 0x80, a 4-byte length, then header lines. */
  static final class GrpcWebFrames {
    private GrpcWebFrames() {}

    static byte[] trailers(Map<String, String> entries) {
      StringBuilder block = new StringBuilder();
      entries.forEach((name, value) -> block.append(name).append(':').append(value).append("\r\n"));
      byte[] payload = block.toString().getBytes(StandardCharsets.US_ASCII);
      byte[] frame = new byte[5 + payload.length];
      frame[0] = (byte) 0x80;
      frame[1] = (byte) (payload.length >>> 24);
      frame[2] = (byte) (payload.length >>> 16);
      frame[3] = (byte) (payload.length >>> 8);
      frame[4] = (byte) payload.length;
      System.arraycopy(payload, 0, frame, 5, payload.length);
      return frame;
    }

    /** grpc-message is percent-encoded UTF-8 (the gRPC spec), so any text survives a header. */
    static String percentEncode(String message) {
      StringBuilder encoded = new StringBuilder();
      for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (c >= 0x20 && c <= 0x7e && c != '%') {
          encoded.append((char) c);
        } else {
          encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
      }
      return encoded.toString();
    }
  }
}
