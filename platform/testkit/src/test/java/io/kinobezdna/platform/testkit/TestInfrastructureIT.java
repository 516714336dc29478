package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.platform.probe.ProbeKind;
import io.kinobezdna.platform.probe.WireProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Integration tests get real servers from the devstack, on the test ports. */
class TestInfrastructureIT {

  @Test
  void givesEachServiceItsOwnDatabaseAndLogin() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres");
    Postgres.Database database = infra.postgres("testkit_sample");

    assertThat(database.jdbcUrl()).endsWith(":" + infra.ports().postgres() + "/testkit_sample");
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists probe (id int primary key)");
      statement.execute("insert into probe values (1) on conflict do nothing");
      try (ResultSet rs =
          statement.executeQuery("select current_user, count(*) from probe group by 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("testkit_sample");
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
    }
    // asking again returns the same login and keeps the data
    assertThat(infra.postgres("testkit_sample").password()).isEqualTo(database.password());
  }

  @Test
  void reusesServersAlreadyRunningAndNamesKafka() {
    TestInfrastructure first = TestInfrastructure.ensure("redis", "kafka");
    TestInfrastructure second = TestInfrastructure.ensure("redis");

    assertThat(second).isSameAs(first);
    WireProbe probe = new WireProbe(Duration.ofSeconds(2));
    assertThat(probe.check(ProbeKind.REDIS, "127.0.0.1", first.ports().redis()).up()).isTrue();
    assertThat(first.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + first.ports().kafka());
    assertThat(probe.check(ProbeKind.KAFKA, "127.0.0.1", first.ports().kafka()).up()).isTrue();
  }
}
