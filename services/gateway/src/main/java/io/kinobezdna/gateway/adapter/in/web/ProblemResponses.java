package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.context.ContextPropagation;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.ProblemDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A {@link PlatformError} as problem+json, from a web filter or a gateway filter. */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How long a client is asked to wait after a 503 for an unavailable service. */
  static final String RETRY_UNAVAILABLE_AFTER_SECONDS = "5";

  private ProblemResponses() {}

  /** A path that could be read more than one way (see {@link EdgeRequestGuard}). */
  static PlatformError invalidPath() {
    return new PlatformError(
        ErrorKind.INVALID_ARGUMENT,
        "INVALID_PATH",
        "The path may not contain . or .. segments, ';' parameters, empty segments or"
            + " percent-encoded dots, slashes or backslashes.");
  }

  /** A service that cannot answer: down, failing, too slow, or its breaker open. */
  static PlatformError serviceUnavailable(String service) {
    return new PlatformError(
        ErrorKind.UNAVAILABLE,
        "SERVICE_UNAVAILABLE",
        "The " + service + " service is unavailable right now. Please try again shortly.");
  }

  /** 503 with Retry-After, naming the service the gateway could not reach. */
  static Mono<Void> unavailable(ServerWebExchange exchange, String service) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, RETRY_UNAVAILABLE_AFTER_SECONDS);
    return write(exchange, serviceUnavailable(service), Map.of("service", service));
  }

  static Mono<Void> write(ServerWebExchange exchange, PlatformError error) {
    return write(exchange, error, Map.of());
  }

  private static Mono<Void> write(
      ServerWebExchange exchange, PlatformError error, Map<String, Object> extra) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(error.kind().httpStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    error
        .retryAfterSeconds()
        .ifPresent(s -> response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(s)));
    byte[] body =
        body(
            error,
            exchange.getRequest().getHeaders().getFirst(ContextPropagation.REQUEST_ID),
            exchange.getRequest().getPath().value(),
            extra);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /** The JSON body; {@code extra} adds members (e.g. which service is unavailable). */
  private static byte[] body(
      PlatformError error, String requestId, String instance, Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetails.of(error, requestId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", instance);
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    body.putAll(extra);
    return JSON.writeValueAsBytes(body);
  }
}
