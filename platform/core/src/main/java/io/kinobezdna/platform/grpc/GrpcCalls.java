package io.kinobezdna.platform.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.function.Supplier;

/** What every unary gRPC method of a service does around its use case. */
public final class GrpcCalls {

  private GrpcCalls() {}

  /**
   * The end user behind this call, from the bearer token the platform's interceptors put in the
   * request context (other services forward it); UNAUTHENTICATED without a valid one.
   */
  public static VerifiedCaller caller(JwtVerifier verifier) {
    String token =
        RequestContext.current()
            .flatMap(RequestContext::bearerToken)
            .orElseThrow(GrpcCalls::authenticationRequired);
    return verifier.verify(token);
  }

  static PlatformError authenticationRequired() {
    return new PlatformError(
        ErrorKind.UNAUTHENTICATED,
        "AUTHENTICATION_REQUIRED",
        "The call needs the end user's bearer token.");
  }

  /** Runs a unary call: its answer, or its PlatformError as a gRPC status with details. */
  public static <T> void answer(StreamObserver<T> responses, Supplier<T> work) {
    T response;
    try {
      response = work.get();
    } catch (PlatformError e) {
      responses.onError(GrpcErrors.toStatus(e));
      return;
    }
    responses.onNext(response);
    responses.onCompleted();
  }
}
