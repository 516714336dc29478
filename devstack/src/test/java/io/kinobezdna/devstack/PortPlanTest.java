package io.kinobezdna.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortPlanTest {

  private static List<Integer> all(PortPlan p) {
    return List.of(
        p.postgres(),
        p.pgbouncer(),
        p.redis(),
        p.kafka(),
        p.kafkaController(),
        p.rabbitAmqp(),
        p.rabbitManagement(),
        p.rabbitWebStomp(),
        p.rabbitStomp(),
        p.rabbitDistribution(),
        p.epmd(),
        p.s3(),
        p.zipkin(),
        p.cassandraNative(),
        p.cassandraStorage(),
        p.cassandraJmx());
  }

  @Test
  void everyPortIsDistinctAndAvoidsWellKnownDefaults() {
    for (PortPlan plan : List.of(PortPlan.DEVELOPMENT, PortPlan.TEST)) {
      List<Integer> ports = all(plan);
      assertThat(ports).doesNotHaveDuplicates();
      assertThat(ports)
          .doesNotContain(5432, 6432, 6379, 9092, 5672, 15672, 9042, 7000, 7199, 4369, 61613);
      assertThat(ports).noneMatch(port -> port >= 35672 && port <= 35682);
    }
  }

  @Test
  void developmentAndTestPlansNeverShareAPort() {
    assertThat(all(PortPlan.DEVELOPMENT)).doesNotContainAnyElementsOf(all(PortPlan.TEST));
  }

  @Test
  void aBaseOutsideTheUsableRangeIsRejected() {
    assertThatThrownBy(() -> new PortPlan(80)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PortPlan(37000)).isInstanceOf(IllegalArgumentException.class);
  }
}
