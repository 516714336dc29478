package io.kinobezdna.files.application.command;

import io.kinobezdna.files.application.command.FileAdmission.Admitted;
import io.kinobezdna.files.application.port.DirectUploads;
import io.kinobezdna.files.application.port.DirectUploads.DirectUpload;
import io.kinobezdna.files.application.port.ObjectStore;
import io.kinobezdna.files.domain.ObjectKeys;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.id.UuidV7;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Completes a direct upload: only now is the content sniffed, checked and turned into a file — or
 * deleted, when it is refused. Either way the upload is over.
 */
public final class CompleteDirectUploadHandler {

  private final FileAdmission admission;
  private final DirectUploads uploads;
  private final ObjectStore objects;
  private final UuidV7 ids;
  private final Clock clock;

  public CompleteDirectUploadHandler(
      FileAdmission admission,
      DirectUploads uploads,
      ObjectStore objects,
      UuidV7 ids,
      Clock clock) {
    this.admission = admission;
    this.uploads = uploads;
    this.objects = objects;
    this.ids = ids;
    this.clock = clock;
  }

  public StoredFile handle(CompleteDirectUpload command) {
    UUID uploadId = command.uploadId();
    UUID ownerId = command.caller().userId();
    DirectUpload upload =
        uploads
            .find(uploadId)
            .filter(u -> u.ownerId().equals(ownerId))
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
      admission.requireFits(admitted.type(), admission.usage(ownerId), received.get());
      UUID fileId = ids.next();
      StoredFile file =
          StoredFile.uploaded(
              fileId,
              ownerId,
              admitted.name(),
              admitted.type(),
              received.get(),
              fileId.toString(),
              key,
              command.visibility(),
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
