package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

  @Test
  void everythingIsChosenWhenNothingIsNamedAndTheGatewayComesLast() {
    List<ServiceDefinition> all = ServiceCatalog.select(List.of());

    assertThat(all).hasSameSizeAs(ServiceCatalog.ALL);
    assertThat(all.getLast().name()).isEqualTo("gateway");
  }

  @Test
  void theGatewayIsAlwaysIncluded() {
    assertThat(ServiceCatalog.select(List.of("gateway")))
        .extracting(ServiceDefinition::name)
        .containsExactly("gateway");
  }

  @Test
  void anUnknownServiceIsAnErrorThatListsTheKnownOnes() {
    assertThatThrownBy(() -> ServiceCatalog.select(List.of("catalogue")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalogue")
        .hasMessageContaining("gateway");
    assertThatThrownBy(() -> ServiceCatalog.byName("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slotsAreUniqueSoPortsNeverCollide() {
    assertThat(ServiceCatalog.ALL).extracting(ServiceDefinition::slot).doesNotHaveDuplicates();
    assertThat(ServiceCatalog.ALL).extracting(ServiceDefinition::name).doesNotHaveDuplicates();
  }
}
