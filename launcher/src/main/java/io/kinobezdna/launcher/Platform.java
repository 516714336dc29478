package io.kinobezdna.launcher;

import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.Devstack.Outcome;
import io.kinobezdna.devstack.Devstack.Started;
import io.kinobezdna.devstack.InfraComponent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A running platform: the devstack's servers plus the chosen services. Closing it stops the
 * services, then the servers this platform started itself (servers it found running stay up).
 */
public final class Platform implements AutoCloseable {

  private final Devstack devstack;
  private final ServiceRunner runner;
  private final Consumer<String> progress;
  private List<String> startedInfrastructure = List.of();
  private List<String> reusedInfrastructure = List.of();
  private boolean closed;

  private final Duration servicesStopDeadline;

  public Platform(Devstack devstack, ServiceRunner runner, Consumer<String> progress) {
    this(devstack, runner, progress, ServiceRunner.STOP_DEADLINE);
  }

  Platform(
      Devstack devstack,
      ServiceRunner runner,
      Consumer<String> progress,
      Duration servicesStopDeadline) {
    this.devstack = devstack;
    this.runner = runner;
    this.progress = progress;
    this.servicesStopDeadline = servicesStopDeadline;
  }

  /** Starts infrastructure, then each service in order; on any failure stops what it started. */
  public void start(PlatformPlan plan, List<ServiceDefinition> services) {
    try {
      progress.accept("starting infrastructure…");
      List<Started> infrastructure =
          devstack.start(plan.infrastructure().stream().map(InfraComponent::name).toList());
      startedInfrastructure =
          infrastructure.stream()
              .filter(s -> s.outcome() == Outcome.STARTED)
              .map(Started::name)
              .toList();
      reusedInfrastructure =
          infrastructure.stream()
              .filter(s -> s.outcome() == Outcome.REUSED)
              .map(Started::name)
              .toList();
      for (ServiceDefinition service : services) {
        long began = System.nanoTime();
        progress.accept("starting " + service.name() + " on port " + plan.httpPort(service) + "…");
        runner.start(service, plan.properties(service, services));
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        progress.accept(
            "%s ready in %.1f s at %s"
                .formatted(service.name(), took.toMillis() / 1000.0, plan.baseUrl(service)));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Services stop on a thread of their own, waited for at most {@link #servicesStopDeadline}; then
   * the infrastructure is stopped anyway, and what is still stopping ends with this process.
   */
  private void stopServicesWithinDeadline() {
    Thread stopping = Thread.ofPlatform().name("services-stop").daemon().start(runner::close);
    try {
      if (!stopping.join(servicesStopDeadline)) {
        progress.accept(
            "services did not stop within %d s; stopping the infrastructure anyway"
                    .formatted(servicesStopDeadline.toSeconds())
                + " (what is left ends with this process)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    progress.accept("stopping services…");
    stopServicesWithinDeadline();
    if (!startedInfrastructure.isEmpty()) {
      progress.accept("stopping infrastructure…");
      devstack.stop(startedInfrastructure);
    }
    if (!reusedInfrastructure.isEmpty()) {
      progress.accept(
          "left running (they were up before this start; ./kb down stops them): "
              + String.join(", ", reusedInfrastructure));
    }
  }
}
