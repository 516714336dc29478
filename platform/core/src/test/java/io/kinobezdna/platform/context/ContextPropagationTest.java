package io.kinobezdna.platform.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ContextPropagationTest {

  private final RequestContext full =
      new RequestContext(
          "req-1",
          Optional.of("user-7"),
          Optional.of("tok.en.value"),
          Optional.of(Instant.ofEpochMilli(1_900_000_000_000L)));

  @Test
  void everyFieldSurvivesAHeaderRoundTrip() {
    Map<String, String> headers = new HashMap<>();
    ContextPropagation.write(full, headers::put);

    assertThat(headers)
        .containsEntry("x-request-id", "req-1")
        .containsEntry("x-caller-id", "user-7")
        .containsEntry("authorization", "Bearer tok.en.value")
        .containsEntry("x-request-deadline", "1900000000000");
    assertThat(ContextPropagation.read(headers::get)).isEqualTo(full);
  }

  @Test
  void aMissingOrAbsurdRequestIdGetsAFreshOneAndGarbageIsIgnored() {
    Map<String, String> headers =
        new HashMap<>(
            Map.of(
                "x-request-id", "x".repeat(500),
                "authorization", "Basic dXNlcjpwYXNz",
                "x-request-deadline", "tomorrow"));

    RequestContext context = ContextPropagation.read(headers::get);

    assertThat(context.requestId()).hasSize(36);
    assertThat(context.bearerToken()).isEmpty();
    assertThat(context.deadline()).isEmpty();
    assertThat(ContextPropagation.read(Map.<String, String>of()::get).requestId()).isNotBlank();
  }

  @Test
  void kafkaRecordsCarryTheContextButNotTheDeadline() {
    RecordHeaders headers = new RecordHeaders();
    KafkaContextHeaders.write(full, headers);
    KafkaContextHeaders.write(full, headers); // writing twice leaves one of each

    RequestContext read = KafkaContextHeaders.read(headers);

    assertThat(read.requestId()).isEqualTo("req-1");
    assertThat(read.callerId()).contains("user-7");
    assertThat(read.bearerToken()).contains("tok.en.value");
    assertThat(read.deadline()).isEmpty();
    assertThat(headers.headers("x-request-id")).hasSize(1);
    assertThat(headers.lastHeader("x-request-deadline")).isNull();
  }

  @Test
  void theCurrentContextIsInTheLogContextOnlyWhileItRuns() throws Exception {
    assertThat(RequestContext.current()).isEmpty();

    String seen =
        full.call(
            () ->
                MDC.get("requestId")
                    + "/"
                    + MDC.get("callerId")
                    + "/"
                    + RequestContext.current().orElseThrow().requestId());

    assertThat(seen).isEqualTo("req-1/user-7/req-1");
    assertThat(RequestContext.current()).isEmpty();
    assertThat(MDC.get("requestId")).isNull();
  }

  @Test
  void nestedContextsRestoreTheOuterOne() {
    RequestContext outer = RequestContext.newRequest();
    outer.run(
        () -> {
          full.run(() -> assertThat(MDC.get("requestId")).isEqualTo("req-1"));
          assertThat(RequestContext.current()).contains(outer);
          assertThat(MDC.get("callerId")).isNull();
        });
    assertThat(outer.withCaller("u", "t").callerId()).contains("u");
    assertThat(full.remaining(Instant.ofEpochMilli(1_899_999_999_000L)).orElseThrow().toMillis())
        .isEqualTo(1000);
  }
}
