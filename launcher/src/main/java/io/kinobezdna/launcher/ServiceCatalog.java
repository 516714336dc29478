package io.kinobezdna.launcher;

import io.kinobezdna.auth.AuthApplication;
import io.kinobezdna.cart.CartApplication;
import io.kinobezdna.catalog.CatalogApplication;
import io.kinobezdna.devstack.components.PgBouncer;
import io.kinobezdna.files.FilesApplication;
import io.kinobezdna.gateway.GatewayApplication;
import io.kinobezdna.notifications.NotificationsApplication;
import io.kinobezdna.orders.OrdersApplication;
import io.kinobezdna.ugc.UgcApplication;
import io.kinobezdna.users.UsersApplication;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every service ./kb can run. A new service adds one line here (and a dependency in the launcher's
 * pom). The gateway is always started, last, so it knows every other service.
 */
public final class ServiceCatalog {

  public static final String GATEWAY = "gateway";
  public static final String AUTH = "auth";
  public static final String CATALOG = "catalog";
  public static final String FILES = "files";

  public static final List<ServiceDefinition> ALL =
      List.of(
          new ServiceDefinition(GATEWAY, GatewayApplication.class, 0),
          new ServiceDefinition(AUTH, AuthApplication.class, 1),
          new ServiceDefinition("users", UsersApplication.class, 2),
          // read-heavy: its search statements cost more to plan than to run, so it keeps them
          // prepared in session-pooled connections
          new ServiceDefinition(CATALOG, CatalogApplication.class, 3, PgBouncer.PoolMode.SESSION),
          new ServiceDefinition("ugc", UgcApplication.class, 4),
          new ServiceDefinition(FILES, FilesApplication.class, 5),
          new ServiceDefinition("orders", OrdersApplication.class, 6),
          new ServiceDefinition("cart", CartApplication.class, 7),
          new ServiceDefinition("notifications", NotificationsApplication.class, 8));

  private ServiceCatalog() {}

  /** The chosen services (all when none are named) plus the gateway, gateway last. */
  public static List<ServiceDefinition> select(Collection<String> names) {
    List<String> known = ALL.stream().map(ServiceDefinition::name).toList();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown service '" + name + "'; known: " + String.join(", ", known));
      }
    }
    List<ServiceDefinition> selected = new ArrayList<>();
    for (ServiceDefinition service : ALL) {
      boolean chosen = names.isEmpty() || names.contains(service.name());
      if (chosen && !service.name().equals(GATEWAY)) {
        selected.add(service);
      }
    }
    selected.add(byName(GATEWAY));
    return selected;
  }

  public static ServiceDefinition byName(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'"));
  }
}
