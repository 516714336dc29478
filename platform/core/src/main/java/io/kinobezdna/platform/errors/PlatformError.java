package io.kinobezdna.platform.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A failure to report to a client: what kind, a short reason code (stable, machine-readable, e.g.
 * {@code ORDER_ALREADY_CANCELLED}), a human message, and per-field violations for bad input.
 * Adapters turn it into problem+json ({@link ProblemDetails}) or a gRPC status ({@link
 * GrpcErrors}); it never carries a stack trace to the client.
 */
public class PlatformError extends RuntimeException {

  /** One invalid field of a request, by its path in the request ({@code items[2].count}). */
  public record FieldViolation(String field, String description) {}

  private final ErrorKind kind;
  private final String reason;
  private final List<FieldViolation> violations;
  private final Duration retryAfter;

  public PlatformError(
      ErrorKind kind, String reason, String message, List<FieldViolation> violations) {
    this(kind, reason, message, violations, null);
  }

  private PlatformError(
      ErrorKind kind,
      String reason,
      String message,
      List<FieldViolation> violations,
      Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.violations = List.copyOf(violations);
    this.retryAfter = retryAfter;
  }

  /** Too many attempts: the client may try again after the given time (HTTP Retry-After). */
  public static PlatformError tooManyAttempts(String reason, String message, Duration retryAfter) {
    return new PlatformError(ErrorKind.RESOURCE_EXHAUSTED, reason, message, List.of(), retryAfter);
  }

  /** A single invalid field. */
  public static PlatformError invalidField(String field, String description) {
    return invalid(List.of(new FieldViolation(field, description)));
  }

  public PlatformError(ErrorKind kind, String reason, String message) {
    this(kind, reason, message, List.of());
  }

  /**
   * The 409 of a change made against {@code expectedVersion} of {@code resource} (e.g. "Film
   * 01a2…") when someone has replaced that version since; {@code reason} names it for clients.
   */
  public static PlatformError changedSince(String reason, String resource, long expectedVersion) {
    return new PlatformError(
        ErrorKind.CONFLICT,
        reason,
        resource
            + " was changed by someone else after version "
            + expectedVersion
            + "; load it again and redo the change.");
  }

  public static PlatformError invalid(List<FieldViolation> violations) {
    return new PlatformError(
        ErrorKind.INVALID_ARGUMENT,
        "INVALID_REQUEST",
        "The request has invalid fields.",
        violations);
  }

  /** Refuses a request as INVALID_ARGUMENT when there is any problem, naming each field. */
  public static <P> void rejectIfAny(List<P> problems, Function<P, FieldViolation> asViolation) {
    if (!problems.isEmpty()) {
      throw invalid(problems.stream().map(asViolation).toList());
    }
  }

  public ErrorKind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** When a throttled client may try again, if this is a throttling error. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Retry-After in whole seconds, rounded up (never 0, so a client always waits a little). */
  public Optional<Long> retryAfterSeconds() {
    return retryAfter().map(d -> Math.max(1, (d.toMillis() + 999) / 1000));
  }
}
