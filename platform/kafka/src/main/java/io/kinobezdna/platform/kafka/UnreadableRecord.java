package io.kinobezdna.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record a listener cannot read (not the event it expects, a field missing): retrying cannot
 * help, so it goes to the dead-letter topic at once, with this message, and its partition moves on.
 */
public final class UnreadableRecord extends RuntimeException {

  public UnreadableRecord(ConsumerRecord<?, ?> record, Throwable cause) {
    super(
        "unreadable record " + record.topic() + "-" + record.partition() + "@" + record.offset(),
        cause);
  }
}
