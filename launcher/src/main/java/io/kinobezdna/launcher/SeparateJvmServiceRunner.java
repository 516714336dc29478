package io.kinobezdna.launcher;

import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.ManagedProcess;
import io.kinobezdna.devstack.StackHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One JVM per service ({@code ./kb up --separate}), each with its own log file. */
public final class SeparateJvmServiceRunner implements ServiceRunner {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StackHome home;
  private final PlatformPlan plan;
  private final List<ManagedProcess> processes = new ArrayList<>();

  public SeparateJvmServiceRunner(StackHome home, PlatformPlan plan) {
    this.home = home;
    this.plan = plan;
  }

  @Override
  public void start(ServiceDefinition service, Map<String, String> properties) {
    ManagedProcess process =
        ManagedProcess.start(
            launch(service, properties),
            home.logFile(service.name() + ".out"),
            home.pidFile("service-" + service.name()),
            home.root());
    synchronized (processes) {
      processes.add(process);
    }
    awaitReady(service, process);
  }

  /**
   * The service's JVM: its properties (database passwords and other secrets among them) travel in
   * {@code SPRING_APPLICATION_JSON}, in the child's environment, which only its owner can read —
   * not on its command line, which {@code ps} shows to every local user. Spring Boot ranks that
   * variable above the service's own configuration files, as it does command-line arguments.
   */
  Launch launch(ServiceDefinition service, Map<String, String> properties) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(service));
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-D" + Kb.LOGBACK_CONFIG + "=kb-logback.xml",
            "-Dkb.log.file=" + home.logFile(service.name()),
            "-cp",
            System.getProperty("java.class.path"),
            Kb.class.getName(),
            "run-service",
            service.name()));
    return new Launch(
        command, Map.of("SPRING_APPLICATION_JSON", JSON.writeValueAsString(properties)));
  }

  /**
   * Small and quick to start by default; {@code KB_JVM_OPTS_<NAME>} (e.g. KB_JVM_OPTS_FILES)
   * replaces the memory and compiler options of one service, as benchmarks do to bound its heap.
   */
  static List<String> jvmOptions(ServiceDefinition service) {
    String custom = System.getenv("KB_JVM_OPTS_" + service.name().toUpperCase(Locale.ROOT));
    if (custom != null && !custom.isBlank()) {
      return List.of(custom.strip().split("\\s+"));
    }
    return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  private void awaitReady(ServiceDefinition service, ManagedProcess process) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            service.name()
                + " exited while starting; see "
                + home.logFile(service.name() + ".out"));
      }
      if (Readiness.isReady(plan.managementUrl(service))) {
        return;
      }
      sleep(Duration.ofMillis(300));
    }
    throw new IllegalStateException(
        service.name() + " was not ready after " + READY_TIMEOUT.toSeconds() + " s");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops services in reverse start order, all within {@link #STOP_DEADLINE}: a service asked last
   * gets what is left of it (at least a second) before it is killed.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + STOP_DEADLINE.toNanos();
    synchronized (processes) {
      for (int i = processes.size() - 1; i >= 0; i--) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        processes
            .get(i)
            .stop(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
      }
      processes.clear();
    }
  }
}
