package io.kinobezdna.users.adapter.out.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kinobezdna.contracts.files.v1.FileInfo;
import io.kinobezdna.contracts.files.v1.FilesServiceGrpc;
import io.kinobezdna.contracts.files.v1.GetFileInfoRequest;
import io.kinobezdna.platform.errors.GrpcErrors;
import io.kinobezdna.users.application.port.Avatars;
import java.util.UUID;

/** Files' GetFileInfo, over the platform's channel (the caller's token and deadline go along). */
public final class FilesGrpcAvatars implements Avatars {

  private final FilesServiceGrpc.FilesServiceBlockingStub files;

  public FilesGrpcAvatars(FilesServiceGrpc.FilesServiceBlockingStub files) {
    this.files = files;
  }

  @Override
  public boolean isPublicImageOf(UUID fileId, UUID owner) {
    FileInfo file;
    try {
      file =
          files.getFileInfo(GetFileInfoRequest.newBuilder().setFileId(fileId.toString()).build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw GrpcErrors.fromStatus(e);
    }
    return file.getKind().equals("image")
        && file.getVisibility().equals("public")
        && file.getOwnerId().equals(owner.toString());
  }
}
