package io.kinobezdna.platform.grpchttp;

import build.buf.protovalidate.ValidationResult;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;

/**
 * Checks every incoming message against its protovalidate rules ({@code buf.validate} options in
 * the contract) before the service sees it: a message that breaks them ends the call with
 * INVALID_ARGUMENT and a {@code BadRequest} listing one violation per field ({@code items[0].count:
 * value must be greater than 0}), the same over gRPC and, through the transcoder, over HTTP.
 */
public final class ProtoValidationInterceptor implements ServerInterceptor {

  private final Validator validator = ValidatorFactory.newBuilder().build();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (message instanceof Message proto) {
          List<PlatformError.FieldViolation> violations = violations(proto);
          if (!violations.isEmpty()) {
            refused = true;
            var status = GrpcErrors.toStatus(PlatformError.invalid(violations));
            call.close(status.getStatus(), status.getTrailers());
            return;
          }
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        // a refused call is already closed: the service must not be asked to answer it
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }

  /** The message's violations, by field path; empty when it keeps every rule. */
  public List<PlatformError.FieldViolation> violations(Message message) {
    ValidationResult result;
    try {
      result = validator.validate(message);
    } catch (ValidationException e) {
      // a rule that cannot be evaluated is a bug in the contract, not the caller's fault
      throw Status.INTERNAL
          .withDescription("validation rules failed: " + e.getMessage())
          .asRuntimeException();
    }
    return result.getViolations().stream()
        .map(v -> v.toProto())
        .map(
            v ->
                new PlatformError.FieldViolation(
                    path(v.getField().getElementsList()), v.getMessage()))
        .toList();
  }

  private static String path(List<FieldPathElement> elements) {
    StringBuilder path = new StringBuilder();
    for (FieldPathElement element : elements) {
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(element.getFieldName());
      if (element.hasIndex()) {
        path.append('[').append(element.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "request" : path.toString();
  }
}
