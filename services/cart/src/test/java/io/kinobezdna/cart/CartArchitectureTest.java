package io.kinobezdna.cart;

import io.kinobezdna.platform.testkit.CleanArchitectureRules;
import org.junit.jupiter.api.Test;

class CartArchitectureTest {

  @Test
  void arrowsPointInward() {
    CleanArchitectureRules.check("io.kinobezdna.cart");
  }
}
