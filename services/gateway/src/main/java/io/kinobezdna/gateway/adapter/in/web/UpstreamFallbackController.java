package io.kinobezdna.gateway.adapter.in.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.ProblemDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request its upstream cannot serve (down, failing, too
 * slow, or the breaker is open): a 503 problem naming the unavailable part, answered at once so a
 * dead service never hangs the gateway.
 */
@RestController
class UpstreamFallbackController {

  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(UpstreamFallbackController.class);

  @RequestMapping("/fallback/{service}")
  ResponseEntity<ProblemDetail> unavailable(
      @PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    // Why the call failed, for whoever runs the platform; an open breaker is said once per
    // state change by Resilience4j itself, not per refused request.
    if (cause != null && !(cause instanceof CallNotPermittedException)) {
      log.warn("upstream {} failed: {}", service, cause.toString());
    }
    PlatformError error =
        new PlatformError(
            ErrorKind.UNAVAILABLE,
            "SERVICE_UNAVAILABLE",
            "The " + service + " service is unavailable right now. Please try again shortly.");
    ProblemDetail problem =
        ProblemDetails.of(error, exchange.getRequest().getHeaders().getFirst("x-request-id"));
    problem.setProperty("service", service);
    return ResponseEntity.status(error.kind().httpStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .body(problem);
  }
}
