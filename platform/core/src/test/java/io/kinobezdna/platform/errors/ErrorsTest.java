package io.kinobezdna.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ErrorsTest {

  private final PlatformError badInput =
      PlatformError.invalid(
          List.of(new PlatformError.FieldViolation("items[0].count", "must be positive")));

  @Test
  void problemJsonNamesTheReasonTheFieldsAndTheRequest() {
    ProblemDetail problem = ProblemDetails.of(badInput, "req-1");

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString()).isEqualTo("/problems/invalid-request");
    assertThat(problem.getTitle()).isEqualTo("Invalid argument");
    assertThat(problem.getProperties())
        .containsEntry("reason", "INVALID_REQUEST")
        .containsEntry("requestId", "req-1")
        .containsEntry(
            "errors", List.of(Map.of("field", "items[0].count", "message", "must be positive")));
  }

  @Test
  void unexpectedFailuresSayNothingAboutTheirCause() {
    ProblemDetail problem = ProblemDetails.unexpected("req-2");

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("Exception");
  }

  @Test
  void grpcStatusCarriesReasonAndViolationsAndReadsBack() {
    StatusRuntimeException status = GrpcErrors.toStatus(badInput);
    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

    PlatformError back = GrpcErrors.fromStatus(status);

    assertThat(back.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    assertThat(back.reason()).isEqualTo("INVALID_REQUEST");
    assertThat(back.violations()).containsExactlyElementsOf(badInput.violations());
  }

  @Test
  void statesMapToTheRightCodesBothWays() {
    PlatformError cancelled =
        new PlatformError(
            ErrorKind.FAILED_PRECONDITION, "ORDER_CANCELLED", "The order is cancelled.");
    assertThat(GrpcErrors.toStatus(cancelled).getStatus().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ProblemDetails.of(cancelled, null).getStatus()).isEqualTo(400);
    assertThat(ErrorKind.NOT_FOUND.httpStatus().value()).isEqualTo(404);
    assertThat(ErrorKind.fromGrpc(Status.Code.PERMISSION_DENIED))
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(ErrorKind.fromGrpc(Status.Code.CANCELLED)).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(ErrorKind.fromGrpc(Status.Code.DATA_LOSS)).isEqualTo(ErrorKind.INTERNAL);
  }

  @Test
  void aPlainUpstreamFailureHidesItsInternalMessage() {
    PlatformError error =
        GrpcErrors.fromStatus(
            Status.INTERNAL.withDescription("NullPointerException at Foo").asRuntimeException());

    assertThat(error.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(error.getMessage()).isEqualTo("The upstream service failed.");
    assertThat(
            GrpcErrors.fromStatus(
                    Status.NOT_FOUND.withDescription("No such order.").asRuntimeException())
                .getMessage())
        .isEqualTo("No such order.");
  }

  @Test
  void aStaleChangeIsAConflictNamingWhatChanged() {
    PlatformError conflict = PlatformError.changedSince("FILM_CHANGED", "Film 7", 3);
    assertThat(conflict.kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(conflict.reason()).isEqualTo("FILM_CHANGED");
    assertThat(conflict.getMessage()).contains("Film 7").contains("version 3");
  }
}
