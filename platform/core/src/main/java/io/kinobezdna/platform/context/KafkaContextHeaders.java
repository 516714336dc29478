package io.kinobezdna.platform.context;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The request context on Kafka records (request id, caller, token; never a deadline). */
public final class KafkaContextHeaders {

  private KafkaContextHeaders() {}

  public static void write(RequestContext context, Headers headers) {
    ContextPropagation.writeWithoutDeadline(
        context,
        (name, value) -> {
          headers.remove(name);
          headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
  }

  /** The producer's context, made current by the consumer while it handles the record. */
  public static RequestContext read(Headers headers) {
    return ContextPropagation.read(
            name -> {
              Header header = headers.lastHeader(name);
              return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            })
        .withDeadline(Optional.empty());
  }
}
