package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.context.ContextPropagation;
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

/** Writes a {@link PlatformError} as problem+json straight from a web filter. */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  static Mono<Void> write(ServerWebExchange exchange, PlatformError error) {
    ProblemDetail problem =
        ProblemDetails.of(
            error, exchange.getRequest().getHeaders().getFirst(ContextPropagation.REQUEST_ID));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", exchange.getRequest().getPath().value());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(error.kind().httpStatus());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    error
        .retryAfterSeconds()
        .ifPresent(s -> response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(s)));
    DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(body));
    return response.writeWith(Mono.just(buffer));
  }
}
