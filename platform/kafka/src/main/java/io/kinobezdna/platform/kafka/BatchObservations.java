package io.kinobezdna.platform.kafka;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Tracing for batch listeners, which Spring for Apache Kafka observes only record by record: one
 * listener observation per record (a "process" span), each a child of the trace its record carries,
 * all spanning the handling of their batch (a batch mixes records of many traces, so no one span
 * could stand for it).
 */
public final class BatchObservations {

  private final ObservationRegistry registry;

  public BatchObservations(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** Runs {@code handling} inside one observation per record; its failure marks them all. */
  public void observe(
      String listenerId,
      String groupId,
      List<? extends ConsumerRecord<?, ?>> records,
      Runnable handling) {
    List<Observation> observations = new ArrayList<>(records.size());
    for (ConsumerRecord<?, ?> record : records) {
      observations.add(
          KafkaListenerObservation.LISTENER_OBSERVATION
              .observation(
                  null,
                  DefaultKafkaListenerObservationConvention.INSTANCE,
                  () -> new KafkaRecordReceiverContext(record, listenerId, "", groupId, () -> null),
                  registry)
              .start());
    }
    try {
      handling.run();
    } catch (RuntimeException failure) {
      observations.forEach(observation -> observation.error(failure));
      throw failure;
    } finally {
      observations.forEach(Observation::stop);
    }
  }
}
