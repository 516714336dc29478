package io.kinobezdna.platform.errors;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PlatformError} over gRPC: the status code of its kind, with google.rpc details — an {@code
 * ErrorInfo} carrying the reason and a {@code BadRequest} with the field violations — and back, so
 * an HTTP/JSON gateway in front of a gRPC service answers with the same problem.
 */
public final class GrpcErrors {

  public static final String DOMAIN = "kinobezdna.io";

  private GrpcErrors() {}

  public static StatusRuntimeException toStatus(PlatformError error) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(error.kind().grpcCode().value())
            .setMessage(error.getMessage())
            .addDetails(
                Any.pack(
                    ErrorInfo.newBuilder().setReason(error.reason()).setDomain(DOMAIN).build()));
    if (!error.violations().isEmpty()) {
      BadRequest.Builder badRequest = BadRequest.newBuilder();
      error
          .violations()
          .forEach(
              v ->
                  badRequest.addFieldViolations(
                      BadRequest.FieldViolation.newBuilder()
                          .setField(v.field())
                          .setDescription(v.description())));
      status.addDetails(Any.pack(badRequest.build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  /** Reads a gRPC failure back into a PlatformError, details included when present. */
  public static PlatformError fromStatus(StatusRuntimeException exception) {
    Status status = exception.getStatus();
    com.google.rpc.Status rich = StatusProto.fromThrowable(exception);
    String reason = status.getCode().name();
    List<PlatformError.FieldViolation> violations = new ArrayList<>();
    if (rich != null) {
      for (Any detail : rich.getDetailsList()) {
        try {
          if (detail.is(ErrorInfo.class)) {
            reason = detail.unpack(ErrorInfo.class).getReason();
          } else if (detail.is(BadRequest.class)) {
            detail
                .unpack(BadRequest.class)
                .getFieldViolationsList()
                .forEach(
                    v ->
                        violations.add(
                            new PlatformError.FieldViolation(v.getField(), v.getDescription())));
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
          // a detail we cannot read is dropped; the code and message still tell the story
        }
      }
    }
    ErrorKind kind = ErrorKind.fromGrpc(status.getCode());
    String message =
        kind == ErrorKind.INTERNAL || status.getDescription() == null
            ? "The upstream service failed."
            : status.getDescription();
    return new PlatformError(kind, reason, message, violations);
  }
}
