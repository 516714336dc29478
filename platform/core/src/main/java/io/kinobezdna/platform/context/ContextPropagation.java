package io.kinobezdna.platform.context;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a {@link RequestContext} is written to and read from any carrier of string headers: HTTP
 * headers, gRPC metadata and Kafka record headers all use these names.
 *
 * <p>Kafka records carry the request id, the caller and the token, but no deadline: a consumer
 * handles the event later, on its own time, and the producer's deadline no longer applies.
 */
public final class ContextPropagation {

  public static final String REQUEST_ID = "x-request-id";
  public static final String CALLER_ID = "x-caller-id";
  public static final String AUTHORIZATION = "authorization";

  /**
   * The client's address as the edge determined it (its socket peer, or the first untrusted hop a
   * trusted proxy reported); set by the gateway only, a client's own value never passes it.
   */
  public static final String CLIENT_ADDRESS = "x-client-address";

  /** Absolute deadline in epoch milliseconds. */
  public static final String DEADLINE = "x-request-deadline";

  private static final String BEARER = "Bearer ";

  private ContextPropagation() {}

  /** Writes the context with every header, deadline included (HTTP and gRPC). */
  public static void write(RequestContext context, BiConsumer<String, String> headers) {
    writeWithoutDeadline(context, headers);
    context.deadline().ifPresent(d -> headers.accept(DEADLINE, Long.toString(d.toEpochMilli())));
  }

  /** Writes the context for an event (Kafka): no deadline. */
  public static void writeWithoutDeadline(
      RequestContext context, BiConsumer<String, String> headers) {
    headers.accept(REQUEST_ID, context.requestId());
    context.callerId().ifPresent(id -> headers.accept(CALLER_ID, id));
    context.bearerToken().ifPresent(token -> headers.accept(AUTHORIZATION, BEARER + token));
  }

  /**
   * Reads a context; a missing or malformed request id gets a fresh one, a malformed deadline is
   * ignored. The caller id is only as trustworthy as the hop that set it: at the edge the gateway
   * strips client-sent identity headers and sets them from the verified token.
   */
  public static RequestContext read(Function<String, String> headers) {
    String requestId = headers.apply(REQUEST_ID);
    if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
      requestId = UUID.randomUUID().toString();
    }
    Optional<String> token =
        Optional.ofNullable(headers.apply(AUTHORIZATION))
            .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(value -> value.substring(BEARER.length()).trim())
            .filter(value -> !value.isEmpty());
    Optional<Instant> deadline = Optional.empty();
    String rawDeadline = headers.apply(DEADLINE);
    if (rawDeadline != null) {
      try {
        deadline = Optional.of(Instant.ofEpochMilli(Long.parseLong(rawDeadline.trim())));
      } catch (NumberFormatException ignored) {
        // a garbled deadline is treated as none rather than failing the request
      }
    }
    return new RequestContext(
        requestId,
        Optional.ofNullable(headers.apply(CALLER_ID)).filter(id -> !id.isBlank()),
        token,
        deadline);
  }
}
