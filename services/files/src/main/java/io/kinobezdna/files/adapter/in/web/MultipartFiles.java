package io.kinobezdna.files.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body (RFC 7578) read as a stream, one part after another, without storing
 * any of it: {@link #nextFile} skips form fields and returns the next file part, whose stream ends
 * where the part does.
 *
 * <p>Why our own: the end of a part is found by searching for the delimiter ({@code
 * CRLF--boundary}) in every byte of a file, and a general-purpose parser's byte-at-a-time search
 * cost a quarter of the service's CPU on large uploads. Here the search is Horspool's: it looks at
 * the last byte of each window and skips up to a delimiter's length at once — in file data, almost
 * always the whole length.
 */
final class MultipartFiles {

  /** A file part: the field it was sent as, the client's file name, and its bytes. */
  record FilePart(String field, String fileName, InputStream content) {}

  static final int BUFFER = 256 * 1024;
  static final int MAX_HEADERS = 16 * 1024;

  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");
  private static final Pattern FILE_NAME_EXTENDED =
      Pattern.compile("(?i)filename\\*=UTF-8''([^;\\s]+)");

  private final InputStream in;

  /** {@code CRLF--boundary}: what ends every part. */
  private final byte[] delimiter;

  private final int[] shift = new int[256];
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private boolean finished;
  private PartStream current;

  private MultipartFiles(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Arrays.fill(shift, delimiter.length);
    for (int i = 0; i < delimiter.length - 1; i++) {
      shift[delimiter[i] & 0xFF] = delimiter.length - 1 - i;
    }
    // the body starts with "--boundary": pretend the CRLF before it was there
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
  }

  /** The parts of a body sent with this Content-Type, or empty when it is not multipart. */
  static Optional<MultipartFiles> of(String contentType, InputStream body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new MultipartFiles(body, m.group(1) != null ? m.group(1) : m.group(2)));
  }

  /** The next part that carries a file name, or empty when the body has no more. */
  Optional<FilePart> nextFile() throws IOException {
    while (!finished) {
      if (current != null) {
        current.transferTo(OutputStream.nullOutputStream()); // the rest of the last part
      }
      if (!skipToNextPart()) {
        return Optional.empty();
      }
      String headers = readHeaders();
      current = new PartStream();
      Matcher fileName = FILE_NAME_EXTENDED.matcher(headers);
      String name = null;
      if (fileName.find()) {
        name = URLDecoder.decode(fileName.group(1), StandardCharsets.UTF_8);
      } else {
        Matcher plain = FILE_NAME.matcher(headers);
        if (plain.find()) {
          name = plain.group(1).replace("%22", "\"");
        }
      }
      if (name != null) {
        Matcher field = NAME.matcher(headers);
        return Optional.of(new FilePart(field.find() ? field.group(1) : "", name, current));
      }
    }
    return Optional.empty();
  }

  /** Consumes the delimiter line; false after the closing one ({@code --boundary--}). */
  private boolean skipToNextPart() throws IOException {
    if (current == null && !startsWithDelimiter()) {
      throw new MalformedMultipart("the body does not start with its boundary");
    }
    position += delimiter.length;
    require(2);
    if (buffer[position] == '-' && buffer[position + 1] == '-') {
      finished = true;
      return false;
    }
    readLine(); // the rest of the delimiter line
    return true;
  }

  private boolean startsWithDelimiter() throws IOException {
    require(delimiter.length);
    return Arrays.equals(
        buffer, position, position + delimiter.length, delimiter, 0, delimiter.length);
  }

  /** The part's header lines, up to the empty line that ends them (decoded as UTF-8). */
  private String readHeaders() throws IOException {
    StringBuilder headers = new StringBuilder();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      headers.append(line).append('\n');
      if (headers.length() > MAX_HEADERS) {
        throw new MalformedMultipart("a part's headers are too long");
      }
    }
    return headers.toString();
  }

  /** The next line without its line end, reading more as needed (it starts at the position). */
  private String readLine() throws IOException {
    int at = position;
    while (true) {
      while (at < limit && buffer[at] != '\n') {
        at++;
      }
      if (at < limit) {
        String line =
            new String(buffer, position, at - position, StandardCharsets.UTF_8).stripTrailing();
        position = at + 1;
        return line;
      }
      int scanned = at - position;
      if (scanned >= MAX_HEADERS) {
        throw new MalformedMultipart("a header line is too long");
      }
      if (!fill()) {
        throw new MalformedMultipart("the body ends inside a part's headers");
      }
      at = position + scanned; // fill() moved the unread bytes to the front
    }
  }

  /** Ensures at least {@code n} unread bytes, or fails: the body ended too early. */
  private void require(int n) throws IOException {
    while (limit - position < n) {
      if (!fill()) {
        throw new MalformedMultipart("the body ends before its closing boundary");
      }
    }
  }

  /** Moves the unread bytes to the front and reads more; false at the end of the input. */
  private boolean fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      return false;
    }
    limit += n;
    return true;
  }

  /** Where the delimiter starts in the unread bytes, or -1 (Horspool). */
  private int findDelimiter() {
    int last = delimiter.length - 1;
    int at = position;
    while (at + last < limit) {
      int tail = buffer[at + last] & 0xFF;
      if (tail == (delimiter[last] & 0xFF)
          && Arrays.equals(buffer, at, at + last, delimiter, 0, last)) {
        return at;
      }
      at += shift[tail];
    }
    return -1;
  }

  /**
   * One part's bytes: they end where the delimiter starts. Each search covers only bytes not
   * searched before (plus the delimiter's length minus one, where a delimiter may straddle two
   * reads), whatever sizes the reader asks for.
   */
  private final class PartStream extends InputStream {
    private boolean ended;
    private boolean searched;
    private boolean delimiterFound;

    /** Bytes from {@code position} up to here are the part's (known from the last search). */
    private int dataEnd = -1;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        if (position < dataEnd) {
          int n = Math.min(length, dataEnd - position);
          System.arraycopy(buffer, position, target, offset, n);
          position += n;
          return n;
        }
        if (delimiterFound) {
          ended = true;
          return -1;
        }
        if (searched && !fill()) {
          throw new MalformedMultipart("the body ends inside a part");
        }
        int found = findDelimiter();
        searched = true;
        delimiterFound = found >= 0;
        dataEnd = delimiterFound ? found : Math.max(position, limit - (delimiter.length - 1));
      }
    }
  }

  /** The body is not the multipart it says it is. */
  static final class MalformedMultipart extends IOException {
    MalformedMultipart(String message) {
      super(message);
    }
  }
}
