package io.kinobezdna.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

class BatchObservationsTest {

  /** What a tracer would see: every observation's record, whether it failed, when it stopped. */
  private static final class Recorder implements ObservationHandler<Observation.Context> {
    final List<String> events = new ArrayList<>();

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof KafkaRecordReceiverContext;
    }

    @Override
    public void onStart(Observation.Context context) {
      events.add("start " + offset(context));
    }

    @Override
    public void onError(Observation.Context context) {
      events.add("error " + offset(context) + " " + context.getError().getMessage());
    }

    @Override
    public void onStop(Observation.Context context) {
      events.add("stop " + offset(context));
    }

    private static String offset(Observation.Context context) {
      KafkaRecordReceiverContext receiver = (KafkaRecordReceiverContext) context;
      return receiver.getSource() + "@" + receiver.getOffset();
    }
  }

  private final Recorder recorder = new Recorder();
  private final BatchObservations observations = new BatchObservations(registry());

  private ObservationRegistry registry() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(recorder);
    return registry;
  }

  private static List<ConsumerRecord<String, byte[]>> twoRecords() {
    return List.of(
        new ConsumerRecord<>("orders", 0, 7, "a", new byte[0]),
        new ConsumerRecord<>("orders", 0, 8, "b", new byte[0]));
  }

  @Test
  void eachRecordOfABatchIsObservedAroundTheBatchsHandling() {
    observations.observe("listener", "group", twoRecords(), () -> recorder.events.add("handled"));

    assertThat(recorder.events)
        .containsExactly(
            "start orders@7", "start orders@8", "handled", "stop orders@7", "stop orders@8");
  }

  @Test
  void aFailedBatchMarksEveryRecordsObservationAndStillFails() {
    assertThatThrownBy(
            () ->
                observations.observe(
                    "listener",
                    "group",
                    twoRecords(),
                    () -> {
                      throw new IllegalStateException("database away");
                    }))
        .hasMessage("database away");

    assertThat(recorder.events)
        .containsExactly(
            "start orders@7",
            "start orders@8",
            "error orders@7 database away",
            "error orders@8 database away",
            "stop orders@7",
            "stop orders@8");
  }
}
