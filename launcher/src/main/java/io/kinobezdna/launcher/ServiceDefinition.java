package io.kinobezdna.launcher;

import io.kinobezdna.devstack.components.PgBouncer;

/**
 * One service of the platform as the launcher knows it.
 *
 * @param name the service's name: its database, its /api/&lt;name&gt; route, its log file
 * @param application the Spring Boot application class
 * @param slot a small fixed number that gives the service stable ports (base + 100 + slot)
 * @param pooling how pgbouncer shares its database's server connections (ADR 0006)
 */
public record ServiceDefinition(
    String name, Class<?> application, int slot, PgBouncer.PoolMode pooling) {

  public ServiceDefinition(String name, Class<?> application, int slot) {
    this(name, application, slot, PgBouncer.PoolMode.TRANSACTION);
  }
}
