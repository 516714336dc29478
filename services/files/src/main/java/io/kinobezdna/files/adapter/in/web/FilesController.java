package io.kinobezdna.files.adapter.in.web;

import io.kinobezdna.files.application.Caller;
import io.kinobezdna.files.application.command.ChangeFileAccess;
import io.kinobezdna.files.application.command.ChangeFileAccessHandler;
import io.kinobezdna.files.application.command.CompleteDirectUpload;
import io.kinobezdna.files.application.command.CompleteDirectUploadHandler;
import io.kinobezdna.files.application.command.DeleteFile;
import io.kinobezdna.files.application.command.DeleteFileHandler;
import io.kinobezdna.files.application.command.EditFileMetadata;
import io.kinobezdna.files.application.command.EditFileMetadataHandler;
import io.kinobezdna.files.application.command.StartDirectUpload;
import io.kinobezdna.files.application.command.StartDirectUploadHandler;
import io.kinobezdna.files.application.command.UploadFile;
import io.kinobezdna.files.application.command.UploadFile.Length;
import io.kinobezdna.files.application.command.UploadFileHandler;
import io.kinobezdna.files.application.port.FileRepository.Filter;
import io.kinobezdna.files.application.port.FileRepository.Usage;
import io.kinobezdna.files.application.query.GetDownloadLink;
import io.kinobezdna.files.application.query.GetDownloadLinkHandler;
import io.kinobezdna.files.application.query.GetDownloadLinkHandler.Link;
import io.kinobezdna.files.application.query.GetFile;
import io.kinobezdna.files.application.query.GetFileHandler;
import io.kinobezdna.files.application.query.GetUsage;
import io.kinobezdna.files.application.query.GetUsageHandler;
import io.kinobezdna.files.application.query.ListMyFiles;
import io.kinobezdna.files.application.query.ListMyFilesHandler;
import io.kinobezdna.files.domain.FileKind;
import io.kinobezdna.files.domain.StoredFile;
import io.kinobezdna.files.domain.Visibility;
import io.kinobezdna.platform.auth.PublicEndpoint;
import io.kinobezdna.platform.auth.VerifiedCaller;
import io.kinobezdna.platform.errors.PlatformError;
import io.kinobezdna.platform.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files over REST (the gateway exposes them under /api/files). Uploads are multipart/form-data,
 * read as a stream ({@link MultipartFiles}; the servlet container's own multipart handling is off):
 * the first part with a file name is the file, and its bytes go on to the object store as they
 * arrive.
 */
@RestController
public class FilesController {

  public record FilesPage(List<FileView> items, String nextCursor) {}

  public record UsageView(long usedBytes, long quotaBytes) {}

  public record AccessRequest(String visibility, Set<UUID> sharedWith) {}

  public record MetadataRequest(Map<String, Object> fields) {}

  public record DirectUploadRequest(String name, Long sizeBytes) {}

  public record DirectUploadView(String uploadId, String url, String expiresAt) {}

  public record LinkView(String url, String expiresAt) {}

  static final String FILE_NAME_HEADER = "X-File-Name";

  private final UploadFileHandler uploads;
  private final StartDirectUploadHandler startDirectUpload;
  private final CompleteDirectUploadHandler completeDirectUpload;
  private final EditFileMetadataHandler editMetadata;
  private final ChangeFileAccessHandler changeAccess;
  private final DeleteFileHandler delete;
  private final GetFileHandler getFile;
  private final ListMyFilesHandler listMine;
  private final GetUsageHandler getUsage;
  private final GetDownloadLinkHandler getDownloadLink;

  public FilesController(
      UploadFileHandler uploads,
      StartDirectUploadHandler startDirectUpload,
      CompleteDirectUploadHandler completeDirectUpload,
      EditFileMetadataHandler editMetadata,
      ChangeFileAccessHandler changeAccess,
      DeleteFileHandler delete,
      GetFileHandler getFile,
      ListMyFilesHandler listMine,
      GetUsageHandler getUsage,
      GetDownloadLinkHandler getDownloadLink) {
    this.uploads = uploads;
    this.startDirectUpload = startDirectUpload;
    this.completeDirectUpload = completeDirectUpload;
    this.editMetadata = editMetadata;
    this.changeAccess = changeAccess;
    this.delete = delete;
    this.getFile = getFile;
    this.listMine = listMine;
    this.getUsage = getUsage;
    this.getDownloadLink = getDownloadLink;
  }

  /**
   * An upload: either multipart/form-data (the first part with a file name is the file) or the file
   * itself as the body, named by {@code X-File-Name} (percent-encoded UTF-8) — the faster way,
   * since its Content-Length is the file's exact size.
   */
  @PostMapping("/files")
  ResponseEntity<FileView> upload(
      VerifiedCaller verified,
      HttpServletRequest request,
      @RequestParam(required = false) String visibility)
      throws IOException {
    Caller caller = caller(verified);
    Visibility chosen = visibility == null ? Visibility.PRIVATE : visibility(visibility);
    Optional<MultipartFiles> multipart =
        MultipartFiles.of(request.getContentType(), request.getInputStream());
    if (multipart.isEmpty()) {
      return created(caller, rawUpload(caller, request, chosen));
    }
    Optional<MultipartFiles.FilePart> part;
    try {
      part = multipart.get().nextFile();
    } catch (MultipartFiles.MalformedMultipart e) {
      throw PlatformError.invalidField(
          "file", "the multipart body cannot be read: " + e.getMessage());
    }
    if (part.isEmpty()) {
      throw PlatformError.invalidField("file", "is required: a part with a file name");
    }
    try (InputStream bytes = part.get().content()) {
      return created(
          caller,
          uploads.handle(
              new UploadFile(caller, part.get().fileName(), bytes, partLength(request), chosen)));
    }
  }

  private StoredFile rawUpload(Caller caller, HttpServletRequest request, Visibility visibility)
      throws IOException {
    String name = request.getHeader(FILE_NAME_HEADER);
    if (name == null || name.isBlank()) {
      throw PlatformError.invalidField(
          FILE_NAME_HEADER, "name the file (percent-encoded), or send it as multipart/form-data");
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEncoding) {
      throw PlatformError.invalidField(FILE_NAME_HEADER, "is not percent-encoded UTF-8");
    }
    long length = request.getContentLengthLong();
    try (InputStream bytes = request.getInputStream()) {
      return uploads.handle(
          new UploadFile(
              caller,
              decoded,
              bytes,
              length >= 0 ? new Length.Exact(length) : new Length.Unknown(),
              visibility));
    }
  }

  private static ResponseEntity<FileView> created(Caller caller, StoredFile file) {
    return ResponseEntity.created(URI.create("/files/" + file.id()))
        .body(FileView.of(file, Optional.of(caller.userId())));
  }

  /**
   * The request's length is the file's plus a little framing: a lower bound good enough to refuse a
   * file that cannot fit before storing any of it (the exact size is enforced while streaming).
   */
  private static Length partLength(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    return length > 1024 ? new Length.AtLeast(length - 1024) : new Length.Unknown();
  }

  @PostMapping("/uploads")
  ResponseEntity<DirectUploadView> startDirectUpload(
      VerifiedCaller verified, @RequestBody DirectUploadRequest body) {
    if (body.sizeBytes() == null) {
      throw PlatformError.invalidField("sizeBytes", "is required");
    }
    var ticket =
        startDirectUpload.handle(
            new StartDirectUpload(caller(verified), body.name(), body.sizeBytes()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new DirectUploadView(
                ticket.uploadId().toString(),
                ticket.url().toString(),
                ticket.expiresAt().toString()));
  }

  @PostMapping("/uploads/{uploadId}/complete")
  ResponseEntity<FileView> completeDirectUpload(
      VerifiedCaller verified,
      @PathVariable UUID uploadId,
      @RequestParam(required = false) String visibility) {
    Caller caller = caller(verified);
    StoredFile file =
        completeDirectUpload.handle(
            new CompleteDirectUpload(
                caller,
                uploadId,
                visibility == null ? Visibility.PRIVATE : visibility(visibility)));
    return ResponseEntity.created(URI.create("/files/" + file.id()))
        .body(FileView.of(file, Optional.of(caller.userId())));
  }

  @GetMapping("/files")
  FilesPage mine(
      VerifiedCaller verified,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String artist,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    Caller caller = caller(verified);
    Filter filter = new Filter(kind(kind), nonBlank(q), nonBlank(artist));
    Page<StoredFile> page = listMine.handle(new ListMyFiles(caller, filter, cursor, limit));
    return new FilesPage(
        page.items().stream().map(f -> FileView.of(f, Optional.of(caller.userId()))).toList(),
        page.nextCursor());
  }

  @GetMapping("/usage")
  UsageView usage(VerifiedCaller verified) {
    Usage usage = getUsage.handle(new GetUsage(caller(verified)));
    return new UsageView(usage.usedBytes(), usage.quotaBytes());
  }

  @GetMapping("/files/{id}")
  FileView get(VerifiedCaller verified, @PathVariable UUID id) {
    Optional<UUID> viewer = Optional.of(caller(verified).userId());
    return FileView.of(getFile.handle(new GetFile(viewer, id)), viewer);
  }

  @PublicEndpoint
  @GetMapping("/public/files/{id}")
  FileView getPublic(@PathVariable UUID id) {
    return FileView.of(getFile.handle(new GetFile(Optional.empty(), id)), Optional.empty());
  }

  @PatchMapping("/files/{id}/metadata")
  FileView editMetadata(
      VerifiedCaller verified, @PathVariable UUID id, @RequestBody MetadataRequest body) {
    Caller caller = caller(verified);
    StoredFile file = editMetadata.handle(new EditFileMetadata(caller, id, body.fields()));
    return FileView.of(file, Optional.of(caller.userId()));
  }

  @PutMapping("/files/{id}/access")
  FileView changeAccess(
      VerifiedCaller verified, @PathVariable UUID id, @RequestBody AccessRequest body) {
    Caller caller = caller(verified);
    Visibility chosen = body.visibility() == null ? null : visibility(body.visibility());
    StoredFile file =
        changeAccess.handle(new ChangeFileAccess(caller, id, chosen, body.sharedWith()));
    return FileView.of(file, Optional.of(caller.userId()));
  }

  @DeleteMapping("/files/{id}")
  ResponseEntity<Void> delete(VerifiedCaller verified, @PathVariable UUID id) {
    delete.handle(new DeleteFile(caller(verified), id));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/files/{id}/download-link")
  LinkView downloadLink(VerifiedCaller verified, @PathVariable UUID id) {
    Link link = getDownloadLink.handle(new GetDownloadLink(caller(verified), id));
    return new LinkView(link.url().toString(), link.expiresAt().toString());
  }

  static Caller caller(VerifiedCaller verified) {
    return new Caller(verified.userUuid());
  }

  private static Visibility visibility(String raw) {
    try {
      return Visibility.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField("visibility", "must be PRIVATE, SHARED or PUBLIC");
    }
  }

  private static Optional<FileKind> kind(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(FileKind.valueOf(raw.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw PlatformError.invalidField(
          "kind", "must be one of audio, video, image, document, subtitles, stills");
    }
  }

  private static Optional<String> nonBlank(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
  }
}
