package io.kinobezdna.auth;

import io.kinobezdna.platform.testkit.CleanArchitectureRules;
import org.junit.jupiter.api.Test;

class AuthArchitectureTest {

  @Test
  void arrowsPointInward() {
    CleanArchitectureRules.check("io.kinobezdna.auth");
  }
}
