package io.kinobezdna.platform.testkit;

import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.Devstack.Outcome;
import io.kinobezdna.devstack.Devstack.Started;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.devstack.components.PgBouncer;
import io.kinobezdna.devstack.components.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The devstack's real servers for integration tests: the test home ({@code target/kb-test} at the
 * repository root, or KB_HOME) on the test ports (27000 + …, or KB_PORT_BASE). Servers that are
 * already running ({@code ./kb test} starts them once for the whole run) are reused; servers this
 * JVM had to start are stopped when it exits.
 */
public final class TestInfrastructure {

  private static TestInfrastructure shared;

  private final StackHome home;
  private final Devstack devstack;
  private final Set<String> ready = new HashSet<>();

  private TestInfrastructure(StackHome home) {
    this.home = home;
    this.devstack = new Devstack(home, line -> System.out.println("[devstack] " + line));
  }

  /** The shared test infrastructure with at least these components running. */
  public static synchronized TestInfrastructure ensure(String... components) {
    if (shared == null) {
      shared = new TestInfrastructure(testHome());
    }
    shared.startMissing(List.of(components));
    return shared;
  }

  /** Every infrastructure server the platform uses (what a whole-platform test needs). */
  public static TestInfrastructure ensureAll() {
    return ensure(Devstack.ALL.stream().map(InfraComponent::name).toArray(String[]::new));
  }

  private synchronized void startMissing(List<String> components) {
    List<String> missing = components.stream().filter(c -> !ready.contains(c)).toList();
    if (missing.isEmpty()) {
      return;
    }
    List<Started> started = devstack.start(missing);
    List<String> startedHere =
        started.stream().filter(s -> s.outcome() == Outcome.STARTED).map(Started::name).toList();
    if (!startedHere.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> devstack.stop(startedHere)));
    }
    ready.addAll(missing);
  }

  public StackHome home() {
    return home;
  }

  public PortPlan ports() {
    return home.ports();
  }

  /**
   * A service's own database and login on the test PostgreSQL, created on first use, with the
   * pgbouncer in front of it running (services query through it, as they do under {@code ./kb up}).
   */
  public Postgres.Database postgres(String service) {
    startMissing(List.of(Postgres.NAME, PgBouncer.NAME));
    return Postgres.database(home, service);
  }

  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + ports().kafka();
  }

  static StackHome testHome() {
    Path root = repositoryRoot();
    String home = System.getenv("KB_HOME");
    String base = System.getenv("KB_PORT_BASE");
    return new StackHome(
        home == null ? root.resolve("target/kb-test") : Path.of(home),
        root,
        base == null ? PortPlan.TEST : new PortPlan(Integer.parseInt(base)));
  }

  /** KB_ROOT, or the nearest folder above the working directory holding devstack/bundles. */
  static Path repositoryRoot() {
    String fromEnv = System.getenv("KB_ROOT");
    if (fromEnv != null) {
      return Path.of(fromEnv);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("devstack/bundles"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "cannot find the repository root (a folder with devstack/bundles) above "
            + Path.of("").toAbsolutePath()
            + "; set KB_ROOT");
  }
}
