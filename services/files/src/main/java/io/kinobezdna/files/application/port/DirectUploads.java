package io.kinobezdna.files.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Uploads a client sends straight to the object store through a presigned URL. */
public interface DirectUploads {

  record DirectUpload(
      UUID id, UUID ownerId, String declaredName, long sizeBytes, Instant expiresAt) {}

  void save(DirectUpload upload);

  Optional<DirectUpload> find(UUID id);

  void remove(UUID id);

  List<DirectUpload> expiredBefore(Instant moment, int limit);
}
