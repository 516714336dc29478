package io.kinobezdna.platform.web;

import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.errors.ProblemDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every failure of a servlet service as problem+json: our own {@link PlatformError}s as they are,
 * Spring's own errors ({@link ErrorResponse}: unknown path, wrong method, unreadable body) with
 * their status, and anything unexpected as a generic 500 that is logged but never shown to the
 * client.
 */
@RestControllerAdvice
public class ProblemJsonAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemJsonAdvice.class);

  @ExceptionHandler(PlatformError.class)
  ResponseEntity<ProblemDetail> platformError(PlatformError error) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(error.kind().httpStatus())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    error
        .retryAfterSeconds()
        .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    return response.body(ProblemDetails.of(error, requestId()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e) {
    return platformError(
        new PlatformError(
            ErrorKind.INVALID_ARGUMENT,
            "MALFORMED_BODY",
            "The request body is missing or is not valid JSON of the expected shape."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    return platformError(PlatformError.invalidField(e.getName(), "has an invalid value"));
  }

  private static ResponseEntity<ProblemDetail> springError(ErrorResponse e) {
    ProblemDetail problem = e.getBody();
    problem.setProperty("requestId", requestId());
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
      // A player that seeks drops the range it was reading: nobody is left to answer.
      log.debug("client went away: {}", e.getMessage());
      return null;
    }
    if (e instanceof ErrorResponse springError) {
      return springError(springError);
    }
    log.error("unexpected failure", e);
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetails.unexpected(requestId()));
  }

  private static String requestId() {
    return RequestContext.current().map(RequestContext::requestId).orElse(null);
  }
}
