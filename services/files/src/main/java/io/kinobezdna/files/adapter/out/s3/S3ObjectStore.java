package io.kinobezdna.files.adapter.out.s3;

import io.kinobezdna.files.adapter.ContentDisposition;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ByteRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The object store over the S3 API. Content up to one part is a single PUT; larger content is a
 * multipart upload whose parts are read from the client and sent to the store at the same time (one
 * part uploading while the next is read, {@value #PARTS_IN_FLIGHT} at most in flight), so an upload
 * holds a few parts of memory whatever its size, and a failure aborts the multipart upload so the
 * store keeps nothing of it.
 */
public final class S3ObjectStore implements ObjectStore {

  static final int PARTS_IN_FLIGHT = 2;

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final int partSize;
  private final ExecutorService partUploads = Executors.newVirtualThreadPerTaskExecutor();

  public S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket, int partSize) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  @Override
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public long put(String key, InputStream content, String mediaType) {
    byte[] first = readPart(content);
    if (first.length < partSize) {
      putBytes(key, first, mediaType);
      return first.length;
    }
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(mediaType)).uploadId();
    try {
      return uploadParts(key, uploadId, first, content);
    } catch (RuntimeException e) {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      throw e;
    }
  }

  @Override
  public long putExactly(String key, InputStream content, long length, String mediaType) {
    // S3 stores a PUT whole or not at all, so a failed stream leaves nothing to clean up. The
    // stream can be read once: a retry after bytes went out fails instead of sending fewer.
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(mediaType).contentLength(length),
          RequestBody.fromContentProvider(
              ContentStreamProvider.fromInputStream(content), length, mediaType));
    } catch (SdkClientException e) {
      // the client's bytes stopped coming: say so, as the multipart path does
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
      }
      throw e;
    }
    return length;
  }

  private long uploadParts(String key, String uploadId, byte[] first, InputStream content) {
    List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    Deque<CompletableFuture<CompletedPart>> inFlight = new ArrayDeque<>();
    long size = 0;
    byte[] part = first;
    int number = 1;
    try {
      while (part.length > 0) {
        if (inFlight.size() == PARTS_IN_FLIGHT) {
          inFlight.removeFirst().get(); // bounds memory, and surfaces a failed part early
        }
        CompletableFuture<CompletedPart> upload = uploadPart(key, uploadId, number++, part);
        parts.add(upload);
        inFlight.addLast(upload);
        size += part.length;
        part = part.length < partSize ? new byte[0] : readPart(content);
      }
      List<CompletedPart> completed = new ArrayList<>();
      for (CompletableFuture<CompletedPart> p : parts) {
        completed.add(p.get());
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(completed)));
      return size;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while uploading " + key, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (RuntimeException e) {
      parts.forEach(p -> p.cancel(true));
      throw e;
    }
  }

  private CompletableFuture<CompletedPart> uploadPart(
      String key, String uploadId, int number, byte[] bytes) {
    return CompletableFuture.supplyAsync(
        () -> {
          String etag =
              s3.uploadPart(
                      b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                      body(bytes))
                  .eTag();
          return CompletedPart.builder().partNumber(number).eTag(etag).build();
        },
        partUploads);
  }

  /** Up to a part's worth of bytes, read straight into one array (shorter only at the end). */
  private byte[] readPart(InputStream content) {
    byte[] part = new byte[partSize];
    int filled = 0;
    try {
      for (int n; filled < partSize && (n = content.read(part, filled, partSize - filled)) >= 0; ) {
        filled += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return filled == partSize ? part : Arrays.copyOf(part, filled);
  }

  /** The bytes as a request body without the defensive copy RequestBody.fromBytes makes. */
  private static RequestBody body(byte[] bytes) {
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
  }

  @Override
  public void putBytes(String key, byte[] bytes, String mediaType) {
    s3.putObject(b -> b.bucket(bucket).key(key).contentType(mediaType), body(bytes));
  }

  @Override
  public InputStream read(String key, Optional<ByteRange> range) {
    return s3.getObject(
        b -> {
          b.bucket(bucket).key(key);
          range.ifPresent(r -> b.range("bytes=" + r.first() + "-" + r.last()));
        });
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void download(String key, Path target) {
    try (InputStream in = read(key, Optional.empty())) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public URI presignedRead(String key, String fileName, String mediaType, Duration validFor) {
    return URI.create(
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(validFor)
                        .getObjectRequest(
                            g ->
                                g.bucket(bucket)
                                    .key(key)
                                    .responseContentType(mediaType)
                                    .responseContentDisposition(
                                        ContentDisposition.of("attachment", fileName))))
            .url()
            .toString());
  }

  @Override
  public URI presignedWrite(String key, long sizeBytes, Duration validFor) {
    return URI.create(
        presigner
            .presignPutObject(
                p ->
                    p.signatureDuration(validFor)
                        .putObjectRequest(o -> o.bucket(bucket).key(key).contentLength(sizeBytes)))
            .url()
            .toString());
  }
}
