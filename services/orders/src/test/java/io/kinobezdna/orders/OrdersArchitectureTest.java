package io.kinobezdna.orders;

import io.kinobezdna.platform.testkit.CleanArchitectureRules;
import org.junit.jupiter.api.Test;

class OrdersArchitectureTest {

  @Test
  void arrowsPointInward() {
    CleanArchitectureRules.check("io.kinobezdna.orders");
  }
}
