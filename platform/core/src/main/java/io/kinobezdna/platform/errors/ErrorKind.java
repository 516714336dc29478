package io.kinobezdna.platform.errors;

import io.grpc.Status;
import org.springframework.http.HttpStatus;

/**
 * The kinds of failure a client can be told about, each with its HTTP status and gRPC code, so the
 * same failure reads the same over problem+json and over gRPC.
 */
public enum ErrorKind {
  INVALID_ARGUMENT(HttpStatus.BAD_REQUEST, Status.Code.INVALID_ARGUMENT),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, Status.Code.UNAUTHENTICATED),
  PERMISSION_DENIED(HttpStatus.FORBIDDEN, Status.Code.PERMISSION_DENIED),
  NOT_FOUND(HttpStatus.NOT_FOUND, Status.Code.NOT_FOUND),
  CONFLICT(HttpStatus.CONFLICT, Status.Code.ALREADY_EXISTS),
  /** The request is valid but the resource's state forbids it (paying a cancelled order). */
  FAILED_PRECONDITION(HttpStatus.BAD_REQUEST, Status.Code.FAILED_PRECONDITION),
  RESOURCE_EXHAUSTED(HttpStatus.TOO_MANY_REQUESTS, Status.Code.RESOURCE_EXHAUSTED),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, Status.Code.UNAVAILABLE),
  DEADLINE_EXCEEDED(HttpStatus.GATEWAY_TIMEOUT, Status.Code.DEADLINE_EXCEEDED),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, Status.Code.INTERNAL),
  // After the kinds above, so fromGrpc maps a gRPC code to its more general kind first.
  /** A body over a size limit or a quota. */
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, Status.Code.RESOURCE_EXHAUSTED),
  /** Content of a type the service does not take (judged by the content, not its name). */
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Status.Code.INVALID_ARGUMENT),
  /** A byte range outside the resource. */
  RANGE_NOT_SATISFIABLE(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Status.Code.OUT_OF_RANGE),
  /** An HTTP method the endpoint (or the edge) does not serve. */
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, Status.Code.UNIMPLEMENTED),
  /** A request that did not arrive in full in time (a slow or silent client). */
  REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, Status.Code.DEADLINE_EXCEEDED);

  private final HttpStatus httpStatus;
  private final Status.Code grpcCode;

  ErrorKind(HttpStatus httpStatus, Status.Code grpcCode) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  public HttpStatus httpStatus() {
    return httpStatus;
  }

  public Status.Code grpcCode() {
    return grpcCode;
  }

  /** The kind a gRPC code stands for; codes a client cannot act on become INTERNAL. */
  public static ErrorKind fromGrpc(Status.Code code) {
    for (ErrorKind kind : values()) {
      if (kind.grpcCode == code) {
        return kind;
      }
    }
    return code == Status.Code.CANCELLED ? UNAVAILABLE : INTERNAL;
  }
}
