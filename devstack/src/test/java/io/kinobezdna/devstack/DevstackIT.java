package io.kinobezdna.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.devstack.Devstack.ComponentStatus;
import io.kinobezdna.devstack.Devstack.Outcome;
import io.kinobezdna.devstack.Devstack.Started;
import io.kinobezdna.devstack.components.PgBouncer;
import io.kinobezdna.devstack.components.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole devstack life cycle on its own home and ports (base 22000), so it never touches the
 * test infrastructure other modules share: start every server, reuse them, use them, stop them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevstackIT {

  private static final List<String> progress = new ArrayList<>();
  private static Devstack devstack;

  @BeforeAll
  static void createHome() {
    Path root = Path.of("").toAbsolutePath();
    Path repository = root.getParent();
    StackHome home =
        new StackHome(root.resolve("target/devstack-it"), repository, new PortPlan(22000));
    devstack =
        new Devstack(
            home,
            line -> {
              synchronized (progress) {
                progress.add(line);
              }
            });
    devstack.stop(List.of());
  }

  @AfterAll
  static void stopEverything() {
    devstack.stop(List.of());
  }

  @Test
  @Order(1)
  void startsEveryServerAndEachAnswersInItsOwnProtocol() {
    List<Started> started = devstack.start(List.of());

    assertThat(started)
        .extracting(Started::name)
        .containsExactlyInAnyOrder(
            "postgres", "pgbouncer", "kafka", "rabbitmq", "redis", "s3", "cassandra", "zipkin");
    assertThat(started).allMatch(s -> s.outcome() == Outcome.STARTED);
    List<ComponentStatus> status = devstack.status();
    assertThat(status)
        .allSatisfy(
            s -> {
              assertThat(s.probe().up()).as(s.name() + ": " + s.probe().detail()).isTrue();
              assertThat(s.pid()).isPresent();
              assertThat(s.residentBytes()).isPositive();
            });
    assertThat(progress).anyMatch(line -> line.contains("ready in"));
  }

  @Test
  @Order(2)
  void aSecondStartReusesTheRunningServers() {
    List<Started> again = devstack.start(List.of("redis", "postgres"));

    assertThat(again).allMatch(s -> s.outcome() == Outcome.REUSED);
  }

  @Test
  @Order(3)
  void postgresGivesAServiceItsOwnDatabase() throws Exception {
    Postgres.Database db = Postgres.database(devstack.home(), "catalog");
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        ResultSet rs =
            connection.createStatement().executeQuery("select current_database(), current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("catalog");
      assertThat(rs.getString(2)).isEqualTo("catalog");
    }
    assertThatThrownBy(() -> Postgres.database(devstack.home(), "x; drop table y"))
        .isInstanceOf(DevstackException.class);
  }

  /**
   * What the services rely on through pgbouncer: a login created after it started authenticates,
   * transactions of one client land on whichever server connection is free (so prepared statements
   * are off) and transaction-scoped advisory locks hold; a wrong password is refused.
   */
  @Test
  @Order(4)
  void pgbouncerPoolsAServiceDatabaseCreatedAfterItStarted() throws Exception {
    Postgres.Database db = Postgres.database(devstack.home(), "pooled_sample");
    // a Spring service queries through the pool and migrates past it
    assertThat(db.springProperties())
        .containsEntry("spring.datasource.url", db.pooledJdbcUrl())
        .containsEntry("spring.flyway.url", db.jdbcUrl())
        .containsEntry("spring.flyway.user", db.user());
    try (Connection first =
            DriverManager.getConnection(db.pooledJdbcUrl(), db.user(), db.password());
        Connection second =
            DriverManager.getConnection(db.pooledJdbcUrl(), db.user(), db.password())) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      for (int i = 0; i < 10; i++) {
        Connection holder = i % 2 == 0 ? first : second;
        Connection other = i % 2 == 0 ? second : first;
        assertThat(tryAdvisoryLock(holder)).isTrue();
        assertThat(tryAdvisoryLock(other)).isFalse();
        other.rollback();
        holder.commit();
      }
      try (ResultSet rs = first.createStatement().executeQuery("select current_database()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("pooled_sample");
      }
      first.commit();
    }
    assertThatThrownBy(() -> DriverManager.getConnection(db.pooledJdbcUrl(), db.user(), "wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("authentication failed");
  }

  /**
   * A database that asks for sessions, after pgbouncer started: each client keeps its server
   * connection (so its prepared statements survive) while another client works beside it.
   */
  @Test
  @Order(4)
  void pgbouncerPoolsInSessionsADatabaseThatAsksForThem() throws Exception {
    Postgres.Database db =
        Postgres.database(devstack.home(), "session_sample", PgBouncer.PoolMode.SESSION);
    assertThat(db.pooledJdbcUrl()).doesNotContain("prepareThreshold");
    try (Connection first =
            DriverManager.getConnection(db.pooledJdbcUrl(), db.user(), db.password());
        Connection second =
            DriverManager.getConnection(db.pooledJdbcUrl(), db.user(), db.password())) {
      Set<Integer> firstBackends = new HashSet<>();
      Set<Integer> secondBackends = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        firstBackends.add(backendPid(first));
        secondBackends.add(backendPid(second));
      }
      assertThat(firstBackends).hasSize(1);
      assertThat(secondBackends).hasSize(1).doesNotContainAnyElementsOf(firstBackends);
    }
  }

  /** Runs as a server-side prepared statement from its first use on. */
  private static int backendPid(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("select pg_backend_pid()")) {
      st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static boolean tryAdvisoryLock(Connection connection) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
      st.setLong(1, 42);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  @Test
  @Order(5)
  void unknownComponentsAreNamedInTheError() {
    assertThatThrownBy(() -> devstack.start(List.of("mysql")))
        .isInstanceOf(DevstackException.class)
        .hasMessageContaining("mysql")
        .hasMessageContaining("postgres");
  }

  @Test
  @Order(6)
  void stopLeavesNoServerRunning() {
    List<Long> pids = devstack.status().stream().flatMap(s -> s.pid().stream()).toList();

    devstack.stop(List.of());

    assertThat(devstack.status()).noneMatch(s -> s.probe().up());
    assertThat(pids)
        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }
}
