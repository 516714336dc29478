package io.kinobezdna.launcher;

import java.time.Duration;
import java.util.Map;

/** Runs services: in this JVM or each in its own. Closing it stops every service it started. */
public interface ServiceRunner extends AutoCloseable {

  /**
   * How long stopping all services may take: a service whose resources are already gone (its
   * database stopped first) can otherwise wait minutes in connection-pool shutdown.
   */
  Duration STOP_DEADLINE = Duration.ofSeconds(30);

  /** Starts the service and returns once it is ready for traffic. */
  void start(ServiceDefinition service, Map<String, String> properties);

  @Override
  void close();
}
