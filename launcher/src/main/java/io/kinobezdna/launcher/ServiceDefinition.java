package io.kinobezdna.launcher;

/**
 * One service of the platform as the launcher knows it.
 *
 * @param name the service's name: its database, its /api/&lt;name&gt; route, its log file
 * @param application the Spring Boot application class
 * @param slot a small fixed number that gives the service stable ports (base + 100 + slot)
 */
public record ServiceDefinition(String name, Class<?> application, int slot) {}
