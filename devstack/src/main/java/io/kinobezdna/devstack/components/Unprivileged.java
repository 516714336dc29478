package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL and pgbouncer refuse to run as root. Run as root (as on CI machines), they start in a
 * user namespace where our uid appears as {@code nobody}: the files stay ours, no other account or
 * chown is needed, and the servers' own root checks pass.
 */
final class Unprivileged {

  private Unprivileged() {}

  static List<String> command(String... command) {
    List<String> result = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      result.addAll(
          List.of(
              Executables.program("/usr/bin/unshare", "util-linux"),
              "--user",
              "--map-user=65534",
              "--map-group=65534"));
    }
    result.addAll(List.of(command));
    return result;
  }
}
