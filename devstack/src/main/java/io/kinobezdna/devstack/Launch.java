package io.kinobezdna.devstack;

import java.util.List;
import java.util.Map;

/** A server's command line and the environment it needs, ready for {@link ManagedProcess}. */
public record Launch(List<String> command, Map<String, String> environment) {
  public Launch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  public static Launch of(List<String> command) {
    return new Launch(command, Map.of());
  }
}
