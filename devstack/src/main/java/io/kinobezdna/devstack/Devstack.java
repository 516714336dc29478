package io.kinobezdna.devstack;

import io.kinobezdna.devstack.components.Cassandra;
import io.kinobezdna.devstack.components.Kafka;
import io.kinobezdna.devstack.components.PgBouncer;
import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.devstack.components.RabbitMq;
import io.kinobezdna.devstack.components.Redis;
import io.kinobezdna.devstack.components.S3;
import io.kinobezdna.devstack.components.Zipkin;
import io.kinobezdna.platform.probe.ProbeResult;
import io.kinobezdna.platform.probe.WireProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Starts, reuses, probes and stops the infrastructure servers of one {@link StackHome}. Servers
 * start in parallel (the slowest first); a server whose pid file names a live process is reused,
 * not started twice.
 */
public final class Devstack {

  /** Every component, slowest to start first. */
  public static final List<InfraComponent> ALL =
      List.of(
          new Cassandra(),
          new Kafka(),
          new RabbitMq(),
          new S3(),
          new Zipkin(),
          new Postgres(),
          new PgBouncer(),
          new Redis());

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final StackHome home;
  private final Consumer<String> progress;
  private final WireProbe probe = new WireProbe(PROBE_TIMEOUT);

  public Devstack(StackHome home, Consumer<String> progress) {
    this.home = home;
    this.progress = progress;
  }

  public StackHome home() {
    return home;
  }

  /** Whether a component was started by this call or found already running. */
  public enum Outcome {
    STARTED,
    REUSED
  }

  public record Started(String name, Outcome outcome, Duration took) {}

  /** State of one component as {@code ./kb status} and the benchmarks see it. */
  public record ComponentStatus(
      String name, int port, Optional<Long> pid, ProbeResult probe, long residentBytes) {}

  public static List<InfraComponent> select(Collection<String> names) {
    if (names.isEmpty()) {
      return ALL;
    }
    List<String> known = ALL.stream().map(InfraComponent::name).toList();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new DevstackException(
            "unknown infrastructure component '" + name + "'; known: " + String.join(", ", known));
      }
    }
    return ALL.stream().filter(c -> names.contains(c.name())).toList();
  }

  /**
   * Brings the given components (all when empty) to ready, in parallel. Fails with every
   * component's problem at once, after stopping what this call started, so a failed start leaves
   * nothing behind.
   */
  public List<Started> start(Collection<String> names) {
    List<InfraComponent> components = select(names);
    List<Started> started = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Started>> futures = new ArrayList<>();
      for (InfraComponent component : components) {
        futures.add(pool.submit(() -> bringUp(component)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          started.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          failures.add(components.get(i).name() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add(components.get(i).name() + ": interrupted");
        }
      }
    }
    if (!failures.isEmpty()) {
      stop(
          started.stream().filter(s -> s.outcome() == Outcome.STARTED).map(Started::name).toList());
      throw new DevstackException(
          "infrastructure did not start:\n  - " + String.join("\n  - ", failures));
    }
    return started;
  }

  private Started bringUp(InfraComponent component) throws IOException, InterruptedException {
    long began = System.nanoTime();
    int port = component.port(home.ports());
    Optional<ManagedProcess> running = ManagedProcess.fromPidFile(home.pidFile(component.name()));
    if (running.isPresent()) {
      awaitReady(component, running.get());
      report(component, "reused (pid " + running.get().pid() + ", port " + port + ")");
      return new Started(component.name(), Outcome.REUSED, elapsed(began));
    }
    ProbeResult occupied = probe.check(component.probeKind(), "127.0.0.1", port);
    if (occupied.up()) {
      throw new DevstackException(
          "port "
              + port
              + " already answers as "
              + component.probeKind()
              + " but no pid file of "
              + home.root()
              + " names it: another devstack (other KB_HOME) or a foreign server holds it."
              + " Stop it, or choose another KB_PORT_BASE.");
    }
    report(component, "starting on port " + port + "…");
    Launch launch = component.prepare(home);
    Path log = home.logFile(component.name());
    Files.writeString(
        log,
        "---- started by the KinoBezdna devstack ----\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ManagedProcess process =
        ManagedProcess.start(
            launch, log, home.pidFile(component.name()), home.dataDir(component.name()));
    try {
      awaitReady(component, process);
      component.afterReady(home);
    } catch (RuntimeException | InterruptedException e) {
      component.stop(home, process);
      throw e;
    }
    Duration took = elapsed(began);
    report(component, "ready in %.1f s (port %d)".formatted(took.toMillis() / 1000.0, port));
    return new Started(component.name(), Outcome.STARTED, took);
  }

  private void awaitReady(InfraComponent component, ManagedProcess process)
      throws InterruptedException {
    long deadline = System.nanoTime() + component.startTimeout().toNanos();
    ProbeResult last;
    do {
      last = probe.check(component.probeKind(), "127.0.0.1", component.port(home.ports()));
      if (last.up()) {
        return;
      }
      if (!process.isAlive()) {
        throw new DevstackException(
            "exited before it was ready; last lines of "
                + home.logFile(component.name())
                + ":\n"
                + tail(home.logFile(component.name()), 15));
      }
      Thread.sleep(POLL_INTERVAL);
    } while (System.nanoTime() < deadline);
    throw new DevstackException(
        "not ready after "
            + component.startTimeout().toSeconds()
            + " s ("
            + last.detail()
            + "); see "
            + home.logFile(component.name()));
  }

  /** Stops the given components (all when empty) that have a live pid file, in reverse order. */
  public void stop(Collection<String> names) {
    List<InfraComponent> components = new ArrayList<>(select(names));
    Collections.reverse(components);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (InfraComponent component : components) {
        Path pidFile = home.pidFile(component.name());
        ManagedProcess.fromPidFile(pidFile)
            .ifPresent(
                process ->
                    pool.submit(
                        () -> {
                          report(component, "stopping (pid " + process.pid() + ")…");
                          component.stop(home, process);
                          deleteQuietly(pidFile);
                          report(component, "stopped");
                        }));
      }
    }
  }

  public List<ComponentStatus> status() {
    List<ComponentStatus> result = new ArrayList<>();
    for (InfraComponent component : ALL) {
      int port = component.port(home.ports());
      Optional<ManagedProcess> process = ManagedProcess.fromPidFile(home.pidFile(component.name()));
      result.add(
          new ComponentStatus(
              component.name(),
              port,
              process.map(ManagedProcess::pid),
              probe.check(component.probeKind(), "127.0.0.1", port),
              process.map(ManagedProcess::residentBytes).orElse(0L)));
    }
    return result;
  }

  private void report(InfraComponent component, String message) {
    progress.accept("%-10s %s".formatted(component.name(), message));
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale pid file is harmless: the start instant in it no longer matches any process
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
