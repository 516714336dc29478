package io.kinobezdna.platform.probe;

import java.util.Locale;

/** The wire protocols a {@link WireProbe} can speak: one per kind of server we run. */
public enum ProbeKind {
  POSTGRES,
  KAFKA,
  RABBITMQ,
  REDIS,
  CASSANDRA,
  /** Any HTTP server: up when it answers with a status below 500. */
  HTTP;

  /** Parses {@code postgres}, {@code kafka}, … as written in configuration. */
  public static ProbeKind parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
