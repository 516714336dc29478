package io.kinobezdna.platform.paging;

import io.kinobezdna.platform.errors.PlatformError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** One page of a list and the opaque cursor of the next (empty on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** The cursor a client sent back; a 400 naming the field when it is not one of ours. */
  public static Cursor cursor(String raw) {
    return Cursor.decode(raw).orElseThrow(Cursor::forged);
  }

  /** The page size a client asked for (default when none); a 400 when out of range. */
  public static int size(Integer requested) {
    if (requested == null) {
      return DEFAULT_SIZE;
    }
    if (requested < 1 || requested > MAX_SIZE) {
      throw PlatformError.invalidField("limit", "must be from 1 to " + MAX_SIZE);
    }
    return requested;
  }

  /**
   * A keyset page from the rows a query returned when asked for {@code limit + 1}: the first {@code
   * limit} of them, and when there was one more, the cursor after the last one shown.
   */
  public static <T> Page<T> fromRows(List<T> rows, int limit, Function<T, Cursor> cursorAfter) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), "");
    }
    List<T> shown = List.copyOf(rows.subList(0, limit));
    return new Page<>(shown, cursorAfter.apply(shown.getLast()).encode());
  }

  /** Where a page starts: after the item with this sort key and id. */
  public record Cursor(String sortKey, String id) {

    public static final Cursor START = new Cursor("", "");

    public String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((sortKey + '\n' + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id, which a list keyed by UUIDs put there; anything else is a forged cursor: 400. */
    public UUID idAsUuid() {
      return uuid(id);
    }

    /** The sort key, which a list ordered by time put there; anything else is forged: 400. */
    public Instant sortKeyAsInstant() {
      return instant(sortKey);
    }

    /** A part of a cursor that should be a UUID. */
    public static UUID uuid(String part) {
      try {
        return UUID.fromString(part);
      } catch (IllegalArgumentException e) {
        throw forged();
      }
    }

    /** A part of a cursor that should be an instant. */
    public static Instant instant(String part) {
      try {
        return Instant.parse(part);
      } catch (DateTimeParseException e) {
        throw forged();
      }
    }

    /** What a cursor that decodes but was not made by this list gets: a clear 400. */
    public static PlatformError forged() {
      return PlatformError.invalidField("cursor", "is not a cursor from this list");
    }

    /** The cursor a client sent back, or empty when it is not one of ours. */
    public static Optional<Cursor> decode(String raw) {
      if (raw == null || raw.isEmpty()) {
        return Optional.of(START);
      }
      try {
        String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
        int split = text.lastIndexOf('\n');
        return split < 0
            ? Optional.empty()
            : Optional.of(new Cursor(text.substring(0, split), text.substring(split + 1)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
