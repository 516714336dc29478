package io.kinobezdna.files.application.command;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Counts and hashes (SHA-256) the bytes read through it, and fails the read that would pass the
 * limit — so an oversized upload stops as soon as it is too big, not after it was stored.
 */
final class MeteredInputStream extends FilterInputStream {

  private final long limit;
  private final Supplier<RuntimeException> overLimit;
  private final MessageDigest digest;
  private long count;

  MeteredInputStream(InputStream in, long limit, Supplier<RuntimeException> overLimit) {
    super(in);
    this.limit = limit;
    this.overLimit = overLimit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
      digest.update(buffer, offset, n);
    }
    return n;
  }

  private void counted(int n) {
    count += n;
    if (count > limit) {
      throw overLimit.get();
    }
  }

  long count() {
    return count;
  }

  /** The SHA-256 of everything read, once the stream is exhausted. */
  String sha256Hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
