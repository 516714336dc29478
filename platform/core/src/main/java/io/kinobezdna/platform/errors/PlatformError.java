package io.kinobezdna.platform.errors;

import java.util.List;

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

  public PlatformError(
      ErrorKind kind, String reason, String message, List<FieldViolation> violations) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  public PlatformError(ErrorKind kind, String reason, String message) {
    this(kind, reason, message, List.of());
  }

  public static PlatformError invalid(List<FieldViolation> violations) {
    return new PlatformError(
        ErrorKind.INVALID_ARGUMENT,
        "INVALID_REQUEST",
        "The request has invalid fields.",
        violations);
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
}
