package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Debian's pgbouncer in transaction pooling in front of the devstack's {@link Postgres}, one for
 * every database, as compose and Kubernetes run one per database. Services query through it; their
 * migrations go to PostgreSQL directly.
 *
 * <p>Only the superuser is in its auth file: every other login is looked up in PostgreSQL itself
 * ({@code auth_user}), so a service database created later by {@link Postgres#database} needs no
 * reload here.
 */
public final class PgBouncer implements InfraComponent {

  public static final String NAME = "pgbouncer";

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
    Path ini = conf.resolve("pgbouncer.ini");
    Files.writeString(ini, configuration(home.ports(), users));
    return Launch.of(Unprivileged.command(pgbouncer, ini.toString()));
  }

  static String configuration(PortPlan ports, Path users) {
    return """
        [databases]
        * = host=127.0.0.1 port=%d

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
        .formatted(ports.postgres(), ports.pgbouncer(), users, Postgres.SUPERUSER);
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(20);
  }
}
