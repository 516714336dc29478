package io.kinobezdna.files.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, inclusive at both ends, from an HTTP Range header (RFC 9110 §14.1.2):
 * {@code bytes=first-last}, {@code bytes=first-} or the suffix {@code bytes=-count}.
 */
public record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  public long length() {
    return last - first + 1;
  }

  /** The range a header asks for in a file of this size. */
  public sealed interface Request {}

  /** No Range header, or one we answer with the whole file (several ranges, another unit). */
  public record Whole() implements Request {}

  public record Partial(ByteRange range) implements Request {}

  /** A range that starts past the end of the file: 416. */
  public record Unsatisfiable() implements Request {}

  public static Request parse(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole(); // a syntax we do not serve is ignored, as the RFC allows
    }
    Optional<Long> first = number(m.group(1));
    Optional<Long> last = number(m.group(2));
    if (first.isEmpty() && m.group(1).length() > 0 || last.isEmpty() && m.group(2).length() > 0) {
      return new Whole(); // too long to be a number
    }
    if (first.isEmpty()) {
      long count = last.orElseThrow();
      if (count == 0 || size == 0) {
        return new Unsatisfiable();
      }
      return new Partial(new ByteRange(Math.max(0, size - count), size - 1));
    }
    long start = first.get();
    if (last.isPresent() && last.get() < start) {
      return new Whole();
    }
    if (start >= size) {
      return new Unsatisfiable();
    }
    return new Partial(new ByteRange(start, Math.min(last.orElse(size - 1), size - 1)));
  }

  private static Optional<Long> number(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }
}
