package io.kinobezdna.devstack;

import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.time.Duration;

/** One kind of server the devstack runs: how to prepare it, start it, probe it and stop it. */
public interface InfraComponent {

  /** Short name used in logs, pid files, {@code ./kb status} and the status page. */
  String name();

  /** The protocol spoken on {@link #port}, used as the readiness check. */
  ProbeKind probeKind();

  int port(PortPlan ports);

  /**
   * Writes configuration, initialises data on first start, and returns the command that runs the
   * server in the foreground. Throws {@link DevstackException} naming what to install when
   * something is missing.
   */
  Launch prepare(StackHome home) throws IOException;

  /** One-time work once the server answers (users, databases…); must be safe to repeat. */
  default void afterReady(StackHome home) {}

  default Duration startTimeout() {
    return Duration.ofSeconds(120);
  }

  default void stop(StackHome home, ManagedProcess process) {
    process.stop(Duration.ofSeconds(20));
  }
}
