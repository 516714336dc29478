package io.kinobezdna.gateway.adapter.in.web;

import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * What a request body must be before, or while, it goes to a service: within the route's size limit
 * (declared or chunked: 413) and decoded without damage ({@link BodyDecodingMarker}).
 *
 * <p>A route says which rules apply in its metadata ({@link #readFirst}, {@link #streamed}). It
 * runs before every other gateway filter, so nothing (not even Spring Cloud Gateway's own body
 * caching) reads the body unchecked; only the filter that releases cached bodies wraps it.
 *
 * <p>On plain routes the body is read in full first, within {@code bodyDeadline} (else 408), and
 * only then sent on: a body that is too large, too slow or broken never reaches the service at all,
 * and a retry can send it again. On transfer routes it streams; a body that breaks the rules midway
 * fails the call to the service, which then sees an unfinished request and drops it.
 */
public final class RequestBodyPolicy implements GlobalFilter, Ordered {

  /** Route metadata: the body limit in bytes. */
  private static final String LIMIT_METADATA = "kb.body-limit";

  /** Route metadata: how long the whole body may take, when it is read before it goes on. */
  private static final String DEADLINE_METADATA = "kb.body-deadline";

  /** The metadata of a route whose bodies are read in full, within {@code deadline}, first. */
  public static Map<String, Object> readFirst(DataSize maxSize, Duration deadline) {
    return Map.of(LIMIT_METADATA, maxSize.toBytes(), DEADLINE_METADATA, deadline);
  }

  /** The metadata of a route whose bodies stream through. */
  public static Map<String, Object> streamed(DataSize maxSize) {
    return Map.of(LIMIT_METADATA, maxSize.toBytes());
  }

  @Override
  public int getOrder() {
    // inside RemoveCachedBodyFilter (which releases a cached body), before everything else
    return Ordered.HIGHEST_PRECEDENCE + 500;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route == null || !(route.getMetadata().get(LIMIT_METADATA) instanceof Long maxBytes)) {
      return chain.filter(exchange);
    }
    Duration bodyDeadline = (Duration) route.getMetadata().get(DEADLINE_METADATA);
    return new Rules(maxBytes, bodyDeadline).filter(exchange, chain);
  }

  /** The rules of one route. */
  private record Rules(long maxBytes, Duration bodyDeadline) {

    Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
      ServerHttpRequest request = exchange.getRequest();
      HttpHeaders headers = request.getHeaders();
      if (headers.getContentLength() > maxBytes) {
        return ProblemResponses.write(exchange, tooLarge());
      }
      if (headers.getContentLength() <= 0
          && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
        return chain.filter(exchange);
      }
      ServerWebExchange checked = exchange.mutate().request(new CheckedBody(request)).build();
      Mono<Void> call =
          bodyDeadline == null
              ? chain.filter(checked)
              : ServerWebExchangeUtils.cacheRequestBody(
                  checked, cached -> chain.filter(checked.mutate().request(cached).build()));
      return call.onErrorResume(failure -> answer(exchange, failure));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
      if (exchange.getResponse().isCommitted()) {
        return Mono.error(failure);
      }
      if (failure instanceof BodyTooLarge) {
        return ProblemResponses.write(exchange, tooLarge());
      }
      if (failure instanceof BrokenBody) {
        // Reactor Netty has already answered 400 and is closing the connection
        return Mono.empty();
      }
      if (failure instanceof ReadTimeoutException || failure instanceof BodyTooSlow) {
        return ProblemResponses.write(
            exchange,
            new PlatformError(
                ErrorKind.REQUEST_TIMEOUT,
                "REQUEST_TIMEOUT",
                "The request body did not arrive in time."));
      }
      return Mono.error(failure);
    }

    private PlatformError tooLarge() {
      return new PlatformError(
          ErrorKind.PAYLOAD_TOO_LARGE,
          "BODY_TOO_LARGE",
          "The request body is larger than " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB.");
    }

    /** The body, counted against the limit and failed when the decoder found it broken. */
    private final class CheckedBody extends ServerHttpRequestDecorator {

      CheckedBody(ServerHttpRequest request) {
        super(request);
      }

      @Override
      public Flux<DataBuffer> getBody() {
        AtomicLong seen = new AtomicLong();
        Flux<DataBuffer> body =
            super.getBody()
                .doOnNext(
                    buffer -> {
                      if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLarge();
                      }
                    })
                .concatWith(Mono.defer(this::endOfBody));
        // read first: the whole body within the deadline, measured from the first look at it
        return bodyDeadline == null
            ? body
            : DataBufferUtils.join(body)
                .timeout(bodyDeadline, Mono.error(new BodyTooSlow()))
                .flux();
      }

      private Mono<DataBuffer> endOfBody() {
        return getNativeRequest(getDelegate()) instanceof Connection connection
                && BodyDecodingMarker.bodyBroken(connection.channel())
            ? Mono.error(new BrokenBody())
            : Mono.empty();
      }
    }
  }

  private static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super(null, null, false, false);
    }
  }

  private static final class BodyTooSlow extends RuntimeException {
    BodyTooSlow() {
      super(null, null, false, false);
    }
  }

  private static final class BrokenBody extends RuntimeException {
    BrokenBody() {
      super(null, null, false, false);
    }
  }
}
