package io.kinobezdna.files.application.command;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read through it and fails the read that would pass the limit — so an oversized
 * upload stops as soon as it is too big, not after it was stored.
 */
final class MeteredInputStream extends FilterInputStream {

  private final long limit;
  private final Supplier<RuntimeException> overLimit;
  private long count;

  MeteredInputStream(InputStream in, long limit, Supplier<RuntimeException> overLimit) {
    super(in);
    this.limit = limit;
    this.overLimit = overLimit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  private void counted(int n) {
    count += n;
    if (count > limit) {
      throw overLimit.get();
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
