package io.kinobezdna.platform.errors;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * problem+json bodies (RFC 9457) for every service: {@code type} names the reason under /problems/,
 * {@code errors} lists field violations, and {@code requestId} lets support find the log lines of
 * the failed request.
 */
public final class ProblemDetails {

  private ProblemDetails() {}

  public static ProblemDetail of(PlatformError error, String requestId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(error.kind().httpStatus(), error.getMessage());
    problem.setType(
        URI.create("/problems/" + error.reason().toLowerCase(Locale.ROOT).replace('_', '-')));
    problem.setTitle(title(error.kind()));
    problem.setProperty("reason", error.reason());
    if (!error.violations().isEmpty()) {
      List<Map<String, String>> errors =
          error.violations().stream()
              .map(v -> Map.of("field", v.field(), "message", v.description()))
              .toList();
      problem.setProperty("errors", errors);
    }
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  /** An unexpected failure: a generic message, never the exception's own text or stack. */
  public static ProblemDetail unexpected(String requestId) {
    return of(
        new PlatformError(
            ErrorKind.INTERNAL, "INTERNAL", "Something went wrong on our side. Please try again."),
        requestId);
  }

  static String title(ErrorKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
