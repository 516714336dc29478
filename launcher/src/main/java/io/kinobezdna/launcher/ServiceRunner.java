package io.kinobezdna.launcher;

import java.util.Map;

/** Runs services: in this JVM or each in its own. Closing it stops every service it started. */
public interface ServiceRunner extends AutoCloseable {

  /** Starts the service and returns once it is ready for traffic. */
  void start(ServiceDefinition service, Map<String, String> properties);

  @Override
  void close();
}
