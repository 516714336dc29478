package io.kinobezdna.users;

import io.kinobezdna.platform.testkit.CleanArchitectureRules;
import org.junit.jupiter.api.Test;

class UsersArchitectureTest {

  @Test
  void arrowsPointInward() {
    CleanArchitectureRules.check("io.kinobezdna.users");
  }
}
