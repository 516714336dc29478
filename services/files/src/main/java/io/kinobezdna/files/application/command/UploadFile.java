package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.domain.Visibility;
import java.io.InputStream;

/** A file streamed through the service: its name as the client gave it, its bytes and size. */
public record UploadFile(
    Caller caller, String declaredName, InputStream content, Length length, Visibility visibility) {

  /** What the client told about the file's size before sending it. */
  public sealed interface Length {

    /**
     * The exact size (a raw body's Content-Length): limits are checked before a byte is stored, and
     * the bytes go to the store in a single PUT.
     */
    record Exact(long bytes) implements Length {}

    /**
     * At least this many bytes (a multipart body's length less its framing): enough to refuse a
     * file that cannot fit before storing any of it; the exact size shows while streaming.
     */
    record AtLeast(long bytes) implements Length {}

    record Unknown() implements Length {}
  }
}
