package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.DevstackException;
import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.ManagedProcess;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Debian's pgbouncer in front of the devstack's {@link Postgres}, one for every database, as
 * compose and Kubernetes run one per database. Services query through it; their migrations go to
 * PostgreSQL directly.
 *
 * <p>Pooling is per transaction unless a database asks for sessions ({@link PoolMode}): those are
 * listed in the home ({@value #SESSION_POOLED_FILE}) and written into the configuration, which a
 * running pgbouncer reloads.
 *
 * <p>Only the superuser is in its auth file: every other login is looked up in PostgreSQL itself
 * ({@code auth_user}), so a service database created later by {@link Postgres#database} needs no
 * reload here.
 */
public final class PgBouncer implements InfraComponent {

  public static final String NAME = "pgbouncer";

  static final String SESSION_POOLED_FILE = "session-pooled-databases";

  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How a database's clients share server connections. TRANSACTION multiplexes many clients over
   * few server connections, but a server-side prepared statement cannot outlive a transaction, so
   * every statement is planned anew. SESSION keeps one server connection per client connection (a
   * service's Hikari pool bounds them), so prepared statements and their cached plans stay: for a
   * read-heavy service whose statements cost more to plan than to run.
   */
  public enum PoolMode {
    TRANSACTION,
    SESSION
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    // it answers the same SSLRequest a postmaster does
    return ProbeKind.POSTGRES;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.pgbouncer();
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String pgbouncer = Executables.program("/usr/sbin/pgbouncer", "pgbouncer");
    Path conf = home.confDir(NAME);
    Path users = conf.resolve("userlist.txt");
    Files.writeString(
        users, "\"%s\" \"%s\"%n".formatted(Postgres.SUPERUSER, home.secret("postgres.superuser")));
    Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    Path ini = writeConfiguration(home);
    return Launch.of(Unprivileged.command(pgbouncer, ini.toString()));
  }

  /**
   * Pools the database's clients in sessions from now on: the next start reads it, and a running
   * pgbouncer reloads its configuration at once (clients connected before keep their mode).
   */
  static synchronized void poolInSessions(StackHome home, String database) {
    Path listed = home.confDir(NAME).resolve(SESSION_POOLED_FILE);
    try {
      Set<String> names = sessionPooled(home);
      if (!names.add(database)) {
        return;
      }
      Files.write(listed, names);
      writeConfiguration(home);
    } catch (IOException e) {
      throw new DevstackException("cannot configure pgbouncer: " + e.getMessage(), e);
    }
    reloadIfRunning(home);
  }

  private static Set<String> sessionPooled(StackHome home) throws IOException {
    Path listed = home.confDir(NAME).resolve(SESSION_POOLED_FILE);
    return Files.exists(listed) ? new TreeSet<>(Files.readAllLines(listed)) : new TreeSet<>();
  }

  private static Path writeConfiguration(StackHome home) throws IOException {
    Path ini = home.confDir(NAME).resolve("pgbouncer.ini");
    Files.writeString(
        ini,
        configuration(
            home.ports(), home.confDir(NAME).resolve("userlist.txt"), sessionPooled(home)));
    return ini;
  }

  /**
   * SIGHUP, on which pgbouncer reads its configuration again; waits until its log says it did. (Its
   * admin console's RELOAD is out of reach: pgJDBC always sends a startup parameter the console
   * refuses.)
   */
  private static void reloadIfRunning(StackHome home) {
    Optional<ManagedProcess> running = ManagedProcess.fromPidFile(home.pidFile(NAME));
    if (running.isEmpty()) {
      return; // its next start reads the file
    }
    Path log = home.logFile(NAME);
    try {
      long reloadsBefore = reloads(log);
      Process kill =
          new ProcessBuilder("kill", "-HUP", Long.toString(running.get().pid()))
              .redirectErrorStream(true)
              .start();
      if (kill.waitFor() != 0) {
        throw new DevstackException(
            "cannot signal pgbouncer: "
                + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      Instant deadline = Instant.now().plus(RELOAD_TIMEOUT);
      while (reloads(log) == reloadsBefore) {
        if (Instant.now().isAfter(deadline)) {
          throw new DevstackException("pgbouncer did not reload within " + RELOAD_TIMEOUT);
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new DevstackException("cannot reload pgbouncer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while pgbouncer reloads", e);
    }
  }

  private static long reloads(Path log) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains("got SIGHUP")).count();
    }
  }

  static String configuration(PortPlan ports, Path users, Set<String> sessionPooled) {
    StringBuilder sessionEntries = new StringBuilder();
    for (String database : sessionPooled) {
      sessionEntries.append(
          "%s = host=127.0.0.1 port=%d pool_mode=session%n".formatted(database, ports.postgres()));
    }
    return """
        [databases]
        %s* = host=127.0.0.1 port=%d

        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = %d
        unix_socket_dir =
        auth_type = scram-sha-256
        auth_file = %s
        auth_user = %s
        pool_mode = transaction
        ; a server connection per service instance's busy Hikari connection, not per idle one
        default_pool_size = 20
        max_client_conn = 2000
        ; pgJDBC sends it at connect; pgbouncer would refuse the connection over it
        ignore_startup_parameters = extra_float_digits
        ; services connect and disconnect all day; errors are still logged
        log_connections = 0
        log_disconnections = 0
        """
        .formatted(sessionEntries, ports.postgres(), ports.pgbouncer(), users, Postgres.SUPERUSER);
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(20);
  }
}
