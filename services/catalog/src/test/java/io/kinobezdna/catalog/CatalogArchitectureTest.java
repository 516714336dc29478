package io.kinobezdna.catalog;

import io.kinobezdna.platform.testkit.CleanArchitectureRules;
import org.junit.jupiter.api.Test;

class CatalogArchitectureTest {

  @Test
  void arrowsPointInward() {
    CleanArchitectureRules.check("io.kinobezdna.catalog");
  }
}
