package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.Problems;
import io.kinobezdna.files.application.command.FileAdmission.Admitted;
import io.kinobezdna.files.application.port.DirectUploads;
import io.kinobezdna.files.application.port.DirectUploads.DirectUpload;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads that bypass the service: the client gets a presigned PUT URL for exactly the size it
 * announced, sends the bytes to the object store (and may simply send them again if that fails,
 * until the URL expires), then asks us to complete the upload — and only then is the content
 * sniffed, checked and turned into a file, or deleted.
 */
public final class DirectUploadHandler {

  /** A presigned upload: where to PUT the bytes, until when, and how to complete it. */
  public record Ticket(UUID uploadId, URI url, Instant expiresAt) {}

  private final FileAdmission admission;
  private final DirectUploads uploads;
  private final ObjectStore objects;
  private final UuidV7 ids;
  private final Clock clock;
  private final Duration validFor;

  public DirectUploadHandler(
      FileAdmission admission,
      DirectUploads uploads,
      ObjectStore objects,
      UuidV7 ids,
      Clock clock,
      Duration validFor) {
    this.admission = admission;
    this.uploads = uploads;
    this.objects = objects;
    this.ids = ids;
    this.clock = clock;
    this.validFor = validFor;
  }

  public Ticket start(Caller caller, String declaredName, long sizeBytes) {
    if (declaredName == null || declaredName.isBlank()) {
      throw PlatformError.invalidField("name", "is required");
    }
    long largest = Arrays.stream(FileKind.values()).mapToLong(FileKind::maxBytes).max().orElse(0);
    if (sizeBytes < 1 || sizeBytes > largest) {
      throw PlatformError.invalidField("sizeBytes", "must be from 1 to " + largest);
    }
    Usage usage = admission.usage(caller.userId());
    if (usage.usedBytes() + sizeBytes > usage.quotaBytes()) {
      throw Problems.quotaExceeded(usage.usedBytes(), usage.quotaBytes());
    }
    UUID id = ids.next();
    Instant expiresAt = clock.instant().plus(validFor);
    uploads.save(new DirectUpload(id, caller.userId(), declaredName, sizeBytes, expiresAt));
    URI url = objects.presignedWrite(ObjectKeys.incoming(id), sizeBytes, validFor);
    return new Ticket(id, url, expiresAt);
  }

  public StoredFile complete(Caller caller, UUID uploadId, Visibility visibility) {
    DirectUpload upload =
        uploads
            .find(uploadId)
            .filter(u -> u.ownerId().equals(caller.userId()))
            .filter(u -> u.expiresAt().isAfter(clock.instant()))
            .orElseThrow(
                () ->
                    new PlatformError(
                        ErrorKind.NOT_FOUND, "UPLOAD_NOT_FOUND", "There is no upload " + uploadId));
    String key = ObjectKeys.incoming(uploadId);
    Optional<Long> received = objects.size(key);
    if (received.isEmpty()) {
      throw new PlatformError(
          ErrorKind.FAILED_PRECONDITION,
          "UPLOAD_NOT_RECEIVED",
          "The object store has no bytes for this upload yet: PUT them to the upload URL first.");
    }
    try {
      Admitted admitted = admission.admitHead(head(key), upload.declaredName());
      admission.requireFits(admitted.type(), admission.usage(caller.userId()), received.get());
      UUID fileId = ids.next();
      StoredFile file =
          StoredFile.uploaded(
              fileId,
              caller.userId(),
              admitted.name(),
              admitted.type(),
              received.get(),
              fileId.toString(),
              key,
              visibility,
              clock.instant());
      return admission.register(file);
    } catch (RuntimeException refused) {
      objects.delete(key);
      throw refused;
    } finally {
      uploads.remove(uploadId);
    }
  }

  private byte[] head(String key) {
    try (InputStream in = objects.read(key, Optional.empty())) {
      return in.readNBytes(admission.headLength());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
