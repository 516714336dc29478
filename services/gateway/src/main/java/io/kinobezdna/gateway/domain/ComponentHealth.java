package io.kinobezdna.gateway.domain;

/**
 * Health of one part of the platform as the status page shows it.
 *
 * @param name component or service name
 * @param kind what it is (postgres, kafka… or service)
 * @param target where it was checked (host:port or URL)
 * @param up whether it answered as a ready server does
 * @param detail what it answered, or why it is down
 * @param millis how long the check took
 */
public record ComponentHealth(
    String name, String kind, String target, boolean up, String detail, long millis) {}
