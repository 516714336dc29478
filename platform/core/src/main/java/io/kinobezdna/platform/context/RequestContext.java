package io.kinobezdna.platform.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Who is asking and for which request: the request id, the caller's verified identity, the bearer
 * token to forward downstream, and the deadline the whole request must meet. It travels with every
 * call (HTTP headers, gRPC metadata, Kafka headers, see {@link ContextPropagation}) and its request
 * id and caller appear in every log line (MDC keys {@code requestId}, {@code callerId}).
 */
public record RequestContext(
    String requestId,
    Optional<String> callerId,
    Optional<String> bearerToken,
    Optional<Instant> deadline) {

  public static final String MDC_REQUEST_ID = "requestId";
  public static final String MDC_CALLER_ID = "callerId";

  private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

  public RequestContext {
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException("a request context needs a request id");
    }
  }

  /** A context for work that did not come from a request (a scheduled job, a consumer). */
  public static RequestContext newRequest() {
    return new RequestContext(
        UUID.randomUUID().toString(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Optional<RequestContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public RequestContext withCaller(String callerId, String bearerToken) {
    return new RequestContext(
        requestId, Optional.of(callerId), Optional.ofNullable(bearerToken), deadline);
  }

  public RequestContext withDeadline(Optional<Instant> newDeadline) {
    return new RequestContext(requestId, callerId, bearerToken, newDeadline);
  }

  /** The time left until the deadline, if there is one (negative once it has passed). */
  public Optional<Duration> remaining(Instant now) {
    return deadline.map(d -> Duration.between(now, d));
  }

  /** Runs work with this context as the current one (and in the MDC), then restores the old. */
  public <T> T call(Callable<T> work) throws Exception {
    RequestContext previous = CURRENT.get();
    bind(this);
    try {
      return work.call();
    } finally {
      bind(previous);
    }
  }

  public <T> T supply(Supplier<T> work) {
    RequestContext previous = CURRENT.get();
    bind(this);
    try {
      return work.get();
    } finally {
      bind(previous);
    }
  }

  public void run(Runnable work) {
    supply(
        () -> {
          work.run();
          return null;
        });
  }

  private static void bind(RequestContext context) {
    if (context == null) {
      CURRENT.remove();
      MDC.remove(MDC_REQUEST_ID);
      MDC.remove(MDC_CALLER_ID);
      return;
    }
    CURRENT.set(context);
    MDC.put(MDC_REQUEST_ID, context.requestId());
    context
        .callerId()
        .ifPresentOrElse(id -> MDC.put(MDC_CALLER_ID, id), () -> MDC.remove(MDC_CALLER_ID));
  }
}
