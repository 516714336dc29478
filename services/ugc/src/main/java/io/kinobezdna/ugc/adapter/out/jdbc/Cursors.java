package io.kinobezdna.ugc.adapter.out.jdbc;

import io.kinobezdna.platform.errors.PlatformError;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The parts of a keyset cursor: a time and an id; anything else is the client's bad cursor. */
final class Cursors {

  private Cursors() {}

  static Timestamp time(String key) {
    try {
      return Timestamp.from(Instant.parse(key));
    } catch (DateTimeParseException e) {
      throw bad();
    }
  }

  static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw bad();
    }
  }

  static PlatformError bad() {
    return PlatformError.invalidField("cursor", "is not a cursor from this list");
  }
}
