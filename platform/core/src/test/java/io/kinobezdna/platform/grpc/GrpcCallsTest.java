package io.kinobezdna.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcCallsTest {

  /** Records what a call sent to its client. */
  static final class Recorder implements StreamObserver<String> {
    final List<String> values = new ArrayList<>();
    Throwable error;
    boolean completed;

    @Override
    public void onNext(String value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onCompleted() {
      completed = true;
    }
  }

  @Test
  void anAnswerIsSentAndTheCallCompleted() {
    Recorder recorder = new Recorder();
    GrpcCalls.answer(recorder, () -> "hello");
    assertThat(recorder.values).containsExactly("hello");
    assertThat(recorder.completed).isTrue();
    assertThat(recorder.error).isNull();
  }

  @Test
  void aPlatformErrorBecomesItsStatus() {
    Recorder recorder = new Recorder();
    GrpcCalls.answer(
        recorder,
        () -> {
          throw new PlatformError(ErrorKind.NOT_FOUND, "FILM_NOT_FOUND", "no such film");
        });
    assertThat(recorder.values).isEmpty();
    assertThat(recorder.completed).isFalse();
    assertThat(recorder.error)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void aCallWithoutATokenIsUnauthenticated() {
    JwtVerifier verifier = new JwtVerifier((selector, context) -> List.of(), "kinobezdna");
    assertThatThrownBy(() -> GrpcCalls.caller(verifier))
        .isInstanceOfSatisfying(
            PlatformError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED));
  }
}
