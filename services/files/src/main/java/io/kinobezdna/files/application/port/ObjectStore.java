package io.kinobezdna.files.application.port;

import io.kinobezdna.files.domain.ByteRange;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The object store (S3): bytes in and out, never whole files in memory. */
public interface ObjectStore {

  /** Creates the bucket when it is not there yet (a fresh store). */
  void ensureBucket();

  /**
   * Streams the content into a new object and returns its size. If reading the content fails (a
   * client gone, a limit passed) the exception comes through and no object is left behind.
   */
  long put(String key, InputStream content, String mediaType);

  /**
   * Streams exactly {@code length} bytes into a new object in one request; if the content fails or
   * ends early, the exception comes through and no object is left behind.
   */
  long putExactly(String key, InputStream content, long length, String mediaType);

  void putBytes(String key, byte[] bytes, String mediaType);

  /** The object's bytes, or just this range of them; the caller closes the stream. */
  InputStream read(String key, Optional<ByteRange> range);

  /** The object's size, or empty when there is no such object. */
  Optional<Long> size(String key);

  void download(String key, Path target);

  /** Deleting an object that is not there is not an error. */
  void delete(String key);

  /** A URL that reads the object without our service, served under this name, until it expires. */
  URI presignedRead(String key, String fileName, String mediaType, Duration validFor);

  /** A URL a client PUTs exactly this many bytes to, until it expires. */
  URI presignedWrite(String key, long sizeBytes, Duration validFor);
}
