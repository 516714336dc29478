package io.kinobezdna.files.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.files.v1.FileInfo;
import io.kinobezdna.contracts.files.v1.FilesServiceGrpc;
import io.kinobezdna.contracts.files.v1.GetFileInfoRequest;
import io.kinobezdna.files.application.query.GetFile;
import io.kinobezdna.files.application.query.GetFileHandler;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.platform.auth.JwtVerifier;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.grpc.GrpcCalls;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The gRPC face of files for other services (users checks an avatar with it), answering as the end
 * user whose token the call carries: a file that user may not read is NOT_FOUND.
 */
public final class FilesGrpcService extends FilesServiceGrpc.FilesServiceImplBase {

  private final GetFileHandler getFile;
  private final JwtVerifier verifier;

  public FilesGrpcService(GetFileHandler getFile, JwtVerifier verifier) {
    this.getFile = getFile;
    this.verifier = verifier;
  }

  @Override
  public void getFileInfo(GetFileInfoRequest request, StreamObserver<FileInfo> responses) {
    GrpcCalls.answer(
        responses,
        () -> {
          UUID viewer = GrpcCalls.caller(verifier).userUuid();
          StoredFile file =
              getFile.handle(new GetFile(Optional.of(viewer), fileId(request.getFileId())));
          return FileInfo.newBuilder()
              .setFileId(file.id().toString())
              .setOwnerId(file.ownerId().toString())
              .setKind(file.type().kind().name().toLowerCase(Locale.ROOT))
              .setMediaType(file.type().mediaType())
              .setVisibility(file.visibility().name().toLowerCase(Locale.ROOT))
              .setSizeBytes(file.sizeBytes())
              .build();
        });
  }

  private static UUID fileId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField("file_id", "must be a file id (UUID)");
    }
  }
}
