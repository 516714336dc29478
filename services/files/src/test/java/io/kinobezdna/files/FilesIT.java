package io.kinobezdna.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.kinobezdna.contracts.files.v1.FileInfo;
import io.kinobezdna.contracts.files.v1.FilesServiceGrpc;
import io.kinobezdna.contracts.files.v1.GetFileInfoRequest;
import io.kinobezdna.devstack.components.S3;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files service on the real PostgreSQL and the real S3-compatible store (S3Proxy), over HTTP
 * the way the site and other clients use it.
 */
class FilesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final String BUCKET = "kb-files-it";
  private static TestTokens tokens;
  private static ConfigurableApplicationContext files;
  private static String base;
  private static S3Client s3;
  private static JdbcClient jdbc;

  record User(String id, String token) {}

  record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {}

  @BeforeAll
  static void start() {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres", "s3");
    var db = infra.postgres("files");
    tokens = new TestTokens();
    String endpoint = "http://127.0.0.1:" + infra.ports().s3();
    String secret = infra.home().secret("s3.secret-key");
    files =
        ServiceUnderTest.of(FilesApplication.class, FilesApplication.CONFIG_NAME)
            .database(db)
            .tokensFrom(tokens)
            .property("kb.files.s3.endpoint", endpoint)
            .property("kb.files.s3.access-key", S3.ACCESS_KEY)
            .property("kb.files.s3.secret-key", secret)
            .property("kb.files.s3.bucket", BUCKET)
            .property("kb.files.s3.part-size", "5MB")
            .property("kb.files.purge.after", "0s")
            .property("kb.files.purge.every", "200ms")
            .start();
    base = ServiceUnderTest.httpBase(files);
    s3 = files.getBean(S3Client.class);
    jdbc = files.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    files.close();
    tokens.close();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static User user() {
    String id = UUID.randomUUID().toString();
    return new User(id, tokens.tokenFor(id, "Viewer " + id.substring(0, 4)));
  }

  private static Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode body =
        type.contains("json") && response.body().length > 0 ? JSON.readTree(response.body()) : null;
    return new Reply(response.statusCode(), body, response);
  }

  private static HttpRequest.Builder request(User user, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    return user == null ? request : request.header("Authorization", "Bearer " + user.token());
  }

  private static Reply upload(User user, String name, byte[] content) throws Exception {
    return upload(user, name, content, "");
  }

  private static Reply upload(User user, String name, byte[] content, String query)
      throws Exception {
    String boundary = "kb" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(user, "/files" + query)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static String uploaded(User user, String name, byte[] content) throws Exception {
    Reply reply = upload(user, name, content);
    assertThat(reply.status()).as("upload %s: %s", name, reply.body()).isEqualTo(201);
    return reply.body().get("id").asString();
  }

  /** The file once its metadata extraction has finished. */
  private static JsonNode extracted(User user, String id) throws Exception {
    for (int i = 0; i < 200; i++) {
      JsonNode file = send(request(user, "/files/" + id).GET()).body();
      if (!file.get("extraction").get("status").asString().equals("PENDING")) {
        return file;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("extraction of " + id + " did not finish");
  }

  private static int objectCount() {
    return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
        .mapToInt(o -> 1)
        .sum();
  }

  private static long usedBytes(User user) throws Exception {
    return send(request(user, "/usage").GET()).body().get("usedBytes").asLong();
  }

  // ---- upload, metadata, search ----------------------------------------------------------------

  @Test
  void audioAndVideoUploadsGetTheirMetadataAndCanBeFoundByArtist() throws Exception {
    User owner = user();
    String mp3 = uploaded(owner, "tone.mp3", Samples.committed("tone.mp3"));
    String flac = uploaded(owner, "C:\\music\\tone.flac", Samples.committed("tone.flac"));
    String video = uploaded(owner, "clip.mkv", Samples.committed("clip.mkv"));

    JsonNode track = extracted(owner, mp3);
    assertThat(track.get("extraction").get("status").asString()).isEqualTo("DONE");
    assertThat(track.get("kind").asString()).isEqualTo("AUDIO");
    assertThat(track.get("mediaType").asString()).isEqualTo("audio/mpeg");
    assertThat(track.get("metadata").get("artist").asString()).isEqualTo("Bezdna Orchestra");
    assertThat(track.get("metadata").get("trackNumber").asLong()).isEqualTo(3);
    assertThat(extracted(owner, flac).get("name").asString()).isEqualTo("tone.flac");
    JsonNode film = extracted(owner, video);
    assertThat(film.get("metadata").get("director").asString()).isEqualTo("Ada Reel");
    assertThat(film.get("metadata").get("width").asLong()).isEqualTo(64);

    JsonNode byArtist = send(request(owner, "/files?artist=bezdna%20orchestra").GET()).body();
    assertThat(byArtist.get("items").findValuesAsString("id")).containsExactlyInAnyOrder(mp3, flac);
    JsonNode videos = send(request(owner, "/files?kind=video").GET()).body();
    assertThat(videos.get("items").findValuesAsString("id")).containsExactly(video);
    JsonNode byTitle = send(request(owner, "/files?q=opening").GET()).body();
    assertThat(byTitle.get("items").findValuesAsString("id")).containsExactly(mp3);
    // another user's search finds none of them
    assertThat(send(request(user(), "/files?artist=bezdna%20orchestra").GET()).body().get("items"))
        .isEmpty();
  }

  /** Every type the service takes, each through an upload, the store and the extraction. */
  @ParameterizedTest
  @CsvSource({
    "tone.mp3, AUDIO, artist, Bezdna Orchestra",
    "tone.flac, AUDIO, title, Intermission",
    "tone.ogg, AUDIO, title, Finale",
    "tone.m4a, AUDIO, title, Credits",
    "clip.mp4, VIDEO, studio, Studio Bezdna",
    "clip.mov, VIDEO, title, Harbour Lights",
    "clip.mkv, VIDEO, director, Ada Reel",
    "clip.webm, VIDEO, videoCodec, vp8",
    "clip.avi, VIDEO, videoCodec, mjpg",
    "photo.jpg, IMAGE, camera, Kinobezdna Reel Cam 35",
    "still.png, IMAGE, width, 320",
    "still.gif, IMAGE, height, 200",
    "still.webp, IMAGE, width, 320",
    "script.pdf, DOCUMENT, author, Ada Reel",
    "book.epub, DOCUMENT, language, ru",
    "film.srt, SUBTITLES, cueCount, 3",
    "film.vtt, SUBTITLES, language, en",
    "stills.zip, STILLS, imageCount, 3"
  })
  void everyTypeIsStoredAndRead(String name, String kind, String field, String value)
      throws Exception {
    byte[] content =
        switch (name) {
          case "script.pdf" -> Samples.pdf();
          case "book.epub" -> Samples.epub();
          case "film.srt" -> Samples.srt();
          case "film.vtt" -> Samples.vtt();
          case "stills.zip" -> Samples.stills();
          default -> Samples.committed(name);
        };
    User owner = user();
    JsonNode file = extracted(owner, uploaded(owner, name, content));
    assertThat(file.get("extraction").get("status").asString()).as("%s", file).isEqualTo("DONE");
    assertThat(file.get("kind").asString()).isEqualTo(kind);
    assertThat(file.get("metadata").get(field).asString()).isEqualTo(value);
    assertThat(
            send(request(owner, "/files/" + file.get("id").asString() + "/content").GET())
                .raw()
                .body())
        .isEqualTo(content);
  }

  @Test
  void listsArePagedNewestFirst() throws Exception {
    User owner = user();
    String first = uploaded(owner, "a.vtt", Samples.vtt());
    String second = uploaded(owner, "b.vtt", Samples.vtt());
    String third = uploaded(owner, "c.vtt", Samples.vtt());
    JsonNode page = send(request(owner, "/files?limit=2").GET()).body();
    assertThat(page.get("items").findValuesAsString("id")).containsExactly(third, second);
    String cursor = page.get("nextCursor").asString();
    JsonNode rest = send(request(owner, "/files?limit=2&cursor=" + cursor).GET()).body();
    assertThat(rest.get("items").findValuesAsString("id")).containsExactly(first);
    assertThat(rest.get("nextCursor").asString()).isEmpty();
    assertThat(send(request(owner, "/files?limit=500").GET()).status()).isEqualTo(400);
    // garbled, and well-formed but not made by this list ("yesterday", "me")
    assertThat(send(request(owner, "/files?cursor=%25%25").GET()).status()).isEqualTo(400);
    assertThat(send(request(owner, "/files?cursor=eWVzdGVyZGF5Cm1l").GET()).status())
        .isEqualTo(400);
  }

  @Test
  void theOwnerEditsDescriptiveMetadataButNotMeasuredFacts() throws Exception {
    User owner = user();
    String id = uploaded(owner, "tone.ogg", Samples.committed("tone.ogg"));
    extracted(owner, id);
    Reply edited =
        send(
            request(owner, "/files/" + id + "/metadata")
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"fields\":{\"title\":\"Finale (remastered)\",\"year\":1961}}")));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.body().get("metadata").get("title").asString())
        .isEqualTo("Finale (remastered)");
    assertThat(edited.body().get("edited").valueStream().map(JsonNode::asString))
        .contains("title", "year");

    Reply refused =
        send(
            request(owner, "/files/" + id + "/metadata")
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"fields\":{\"title\":\"Again\",\"durationSeconds\":1,\"director\":\"X\"}}")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("fields.durationSeconds", "fields.director");
    JsonNode after = send(request(owner, "/files/" + id).GET()).body();
    assertThat(after.get("metadata").get("title").asString()).isEqualTo("Finale (remastered)");
    // the search column follows the edit
    assertThat(
            send(request(owner, "/files?q=remastered").GET())
                .body()
                .get("items")
                .findValuesAsString("id"))
        .containsExactly(id);
  }

  // ---- reading: ranges, validators, access -----------------------------------------------------

  @Test
  void contentIsStreamedWithRangesAndValidators() throws Exception {
    User owner = user();
    byte[] video = Samples.committed("reel.mp4");
    String id = uploaded(owner, "reel.mp4", video);

    Reply whole = send(request(owner, "/files/" + id + "/content").GET());
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.raw().body()).isEqualTo(video);
    assertThat(whole.raw().headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(whole.raw().headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.raw().headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline; filename=\"reel.mp4\"");
    String etag = whole.raw().headers().firstValue("ETag").orElseThrow();

    Reply part =
        send(request(owner, "/files/" + id + "/content").header("Range", "bytes=100-1099").GET());
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.raw().headers().firstValue("Content-Range"))
        .hasValue("bytes 100-1099/" + video.length);
    assertThat(part.raw().body()).isEqualTo(Arrays.copyOfRange(video, 100, 1100));

    Reply tail =
        send(request(owner, "/files/" + id + "/content").header("Range", "bytes=-10").GET());
    assertThat(tail.raw().body())
        .isEqualTo(Arrays.copyOfRange(video, video.length - 10, video.length));

    Reply beyond =
        send(
            request(owner, "/files/" + id + "/content")
                .header("Range", "bytes=" + video.length + "-")
                .GET());
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.raw().headers().firstValue("Content-Range"))
        .hasValue("bytes */" + video.length);

    Reply unchanged =
        send(request(owner, "/files/" + id + "/content").header("If-None-Match", etag).GET());
    assertThat(unchanged.status()).isEqualTo(304);
    Reply staleRange =
        send(
            request(owner, "/files/" + id + "/content")
                .header("Range", "bytes=0-9")
                .header("If-Range", "\"old\"")
                .GET());
    assertThat(staleRange.status()).isEqualTo(200);
  }

  @Test
  void privateFilesAreInvisibleToOthersSharedOnesToTheNamedAndPublicOnesToAll() throws Exception {
    User owner = user();
    User friend = user();
    User stranger = user();
    String id = uploaded(owner, "photo.jpg", Samples.committed("photo.jpg"));
    extracted(owner, id);

    for (String path :
        List.of("/files/" + id, "/files/" + id + "/content", "/files/" + id + "/thumbnail")) {
      assertThat(send(request(stranger, path).GET()).status()).as(path).isEqualTo(404);
    }
    assertThat(send(request(null, "/public/files/" + id + "/content").GET()).status())
        .isEqualTo(404);
    Reply strangerEdit =
        send(
            request(stranger, "/files/" + id + "/metadata")
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"fields\":{\"title\":\"mine now\"}}")));
    assertThat(strangerEdit.status()).isEqualTo(404);
    assertThat(send(request(stranger, "/files/" + id).DELETE()).status()).isEqualTo(404);

    Reply shared =
        send(
            request(owner, "/files/" + id + "/access")
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"visibility\":\"SHARED\",\"sharedWith\":[\"" + friend.id() + "\"]}")));
    assertThat(shared.status()).isEqualTo(200);
    assertThat(send(request(friend, "/files/" + id).GET()).status()).isEqualTo(200);
    assertThat(send(request(stranger, "/files/" + id).GET()).status()).isEqualTo(404);
    Reply friendEdit =
        send(
            request(friend, "/files/" + id + "/metadata")
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"fields\":{\"title\":\"mine now\"}}")));
    assertThat(friendEdit.status()).isEqualTo(403);
    assertThat(send(request(owner, "/files/" + id).GET()).body().get("metadata").has("title"))
        .isFalse();

    // the friend gets the copy without the GPS position, the owner the original
    byte[] original = Samples.committed("photo.jpg");
    assertThat(send(request(owner, "/files/" + id + "/content").GET()).raw().body())
        .isEqualTo(original);
    byte[] friendsCopy = send(request(friend, "/files/" + id + "/content").GET()).raw().body();
    assertThat(friendsCopy).isNotEqualTo(original);
    assertThat(new String(friendsCopy, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");

    send(
        request(owner, "/files/" + id + "/access")
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"visibility\":\"PUBLIC\"}")));
    Reply anonymous = send(request(null, "/public/files/" + id + "/content").GET());
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.raw().body()).isEqualTo(friendsCopy);
    assertThat(
            send(request(null, "/public/files/" + id + "/thumbnail").GET())
                .raw()
                .headers()
                .firstValue("Content-Type"))
        .hasValue("image/jpeg");
    assertThat(send(request(null, "/files/" + id).GET()).status()).isEqualTo(401);
  }

  // ---- refusals leave nothing behind -----------------------------------------------------------

  @Test
  void otherServicesLearnAboutAFileOnlyWhatTheirCallerMaySee() throws Exception {
    User owner = user();
    User stranger = user();
    String id = uploaded(owner, "still.png", Samples.committed("still.png"));
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", ServiceUnderTest.grpcPort(files))
            .usePlaintext()
            .build();
    try {
      FileInfo info = asUser(channel, owner).getFileInfo(fileInfo(id));
      assertThat(info.getOwnerId()).isEqualTo(owner.id());
      assertThat(info.getKind()).isEqualTo("image");
      assertThat(info.getMediaType()).isEqualTo("image/png");
      assertThat(info.getVisibility()).isEqualTo("private");

      assertThatThrownBy(() -> asUser(channel, stranger).getFileInfo(fileInfo(id)))
          .as("a private file is nobody else's business")
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
      assertThatThrownBy(() -> FilesServiceGrpc.newBlockingStub(channel).getFileInfo(fileInfo(id)))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThatThrownBy(() -> asUser(channel, owner).getFileInfo(fileInfo("not-an-id")))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    } finally {
      channel.shutdownNow();
    }
  }

  private static GetFileInfoRequest fileInfo(String id) {
    return GetFileInfoRequest.newBuilder().setFileId(id).build();
  }

  private static FilesServiceGrpc.FilesServiceBlockingStub asUser(
      ManagedChannel channel, User user) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + user.token());
    return FilesServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Test
  void maliciousUploadsAreRefusedAndLeaveNothingBehind() throws Exception {
    User owner = user();
    int objects = objectCount();

    Reply exe = upload(owner, "cat.jpg", Samples.windowsProgram());
    assertThat(exe.status()).isEqualTo(415);
    assertThat(exe.body().get("reason").asString()).isEqualTo("EXECUTABLE_REJECTED");
    assertThat(exe.raw().headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");

    Reply text = upload(owner, "poster.jpg", "not really a poster".getBytes());
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.body().get("reason").asString()).isEqualTo("UNSUPPORTED_TYPE");

    Reply bomb = upload(owner, "poster.png", Samples.pixelBombPng());
    assertThat(bomb.status()).isEqualTo(400);
    assertThat(bomb.body().get("reason").asString()).isEqualTo("IMAGE_TOO_MANY_PIXELS");

    Reply zipBomb = upload(owner, "stills.zip", Samples.zipBomb());
    assertThat(zipBomb.status()).isEqualTo(400);
    assertThat(zipBomb.body().get("reason").asString()).isEqualTo("ARCHIVE_EXPANDS_TOO_FAR");

    Reply escaping =
        upload(
            owner,
            "stills.zip",
            Samples.zip(false, Map.of("../../../tmp/x.png", Samples.committed("still.png"))));
    assertThat(escaping.status()).isEqualTo(400);
    assertThat(escaping.body().get("reason").asString()).isEqualTo("ARCHIVE_UNSAFE_PATH");

    Reply empty = upload(owner, "empty.mp3", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);

    assertThat(objectCount()).isEqualTo(objects);
    assertThat(usedBytes(owner)).isZero();
    assertThat(send(request(owner, "/files").GET()).body().get("items")).isEmpty();

    // a path-traversal name keeps only its last segment
    Reply traversal = upload(owner, "../../etc/cron.d/subs.srt", Samples.srt());
    assertThat(traversal.status()).isEqualTo(201);
    assertThat(traversal.body().get("name").asString()).isEqualTo("subs.srt");
  }

  @Test
  void anImageOverItsKindsLimitIsStoppedAndNothingIsKept() throws Exception {
    User owner = user();
    byte[] png = Samples.committed("still.png");
    byte[] huge = Arrays.copyOf(png, 51 * 1024 * 1024); // a real PNG header, then 51 MiB
    int objects = objectCount();

    // known length: refused before a byte is stored
    Reply raw =
        send(
            request(owner, "/files")
                .header("X-File-Name", "poster.png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertThat(raw.status()).isEqualTo(413);
    assertThat(raw.body().get("reason").asString()).isEqualTo("FILE_TOO_LARGE");
    // multipart: stopped when the stream passes 50 MiB, the store's multipart upload aborted
    Reply form = upload(owner, "poster.png", huge);
    assertThat(form.status()).isEqualTo(413);
    assertThat(form.body().get("reason").asString()).isEqualTo("FILE_TOO_LARGE");

    assertThat(objectCount()).isEqualTo(objects);
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    assertThat(usedBytes(owner)).isZero();
  }

  @Test
  void quotasStopUploadsThatDoNotFitWhileStreaming() throws Exception {
    User owner = user();
    uploaded(owner, "a.vtt", Samples.vtt());
    long used = usedBytes(owner);
    jdbc.sql("update quotas set quota_bytes = ? where owner_id = ?::uuid")
        .params(used + 1000, owner.id())
        .update();
    int objects = objectCount();
    Reply tooBig = upload(owner, "reel.mp4", Samples.committed("reel.mp4"));
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.body().get("reason").asString()).isEqualTo("QUOTA_EXCEEDED");
    assertThat(objectCount()).isEqualTo(objects);
    assertThat(usedBytes(owner)).isEqualTo(used);
  }

  @Test
  void largeUploadsGoThroughMultipartAndComeBackIntact() throws Exception {
    User owner = user();
    // a real MP4 followed by a 12 MiB "free" box: three 5 MiB parts in the store
    byte[] big = Samples.paddedReel(12 * 1024 * 1024);
    String id = uploaded(owner, "long.mp4", big);
    Reply back = send(request(owner, "/files/" + id + "/content").GET());
    assertThat(back.raw().body()).isEqualTo(big);
    JsonNode file = extracted(owner, id);
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(big.length);
    assertThat(file.get("metadata").get("width").asLong()).isEqualTo(160);
    assertThat(usedBytes(owner)).isEqualTo(big.length);
  }

  @Test
  void deletedFilesDisappearAtOnceAndTheirObjectsSoonAfter() throws Exception {
    User owner = user();
    String id = uploaded(owner, "photo.jpg", Samples.committed("photo.jpg"));
    extracted(owner, id);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("files/" + id)).contents()).hasSize(3);

    assertThat(send(request(owner, "/files/" + id).DELETE()).status()).isEqualTo(204);
    assertThat(send(request(owner, "/files/" + id).GET()).status()).isEqualTo(404);
    assertThat(usedBytes(owner)).isZero();
    for (int i = 0;
        i < 100
            && !s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("files/" + id)).contents().isEmpty();
        i++) {
      Thread.sleep(100);
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("files/" + id)).contents()).isEmpty();
  }

  @Test
  void aRawBodyOfKnownLengthGoesToTheStoreInOnePut() throws Exception {
    User owner = user();
    byte[] reel = Samples.committed("reel.mp4");
    byte[] big =
        Samples.paddedReel(9 * 1024 * 1024); // larger than a part: multipart would split it
    Reply stored =
        send(
            request(owner, "/files")
                .header("Content-Type", "video/mp4")
                .header("X-File-Name", "%D0%91%D0%B5%D0%B7%D0%B4%D0%BD%D0%B0.mp4")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(stored.status()).as("%s", stored.body()).isEqualTo(201);
    assertThat(stored.body().get("name").asString()).isEqualTo("Бездна.mp4");
    String id = stored.body().get("id").asString();
    assertThat(send(request(owner, "/files/" + id + "/content").GET()).raw().body()).isEqualTo(big);
    assertThat(extracted(owner, id).get("metadata").get("width").asLong()).isEqualTo(160);

    // the exact length is judged before a byte is stored
    jdbc.sql("update quotas set quota_bytes = ? where owner_id = ?::uuid")
        .params(usedBytes(owner) + 10, owner.id())
        .update();
    int objects = objectCount();
    Reply tooBig =
        send(
            request(owner, "/files")
                .header("X-File-Name", "again.mp4")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(objectCount()).isEqualTo(objects);

    Reply unnamed =
        send(request(owner, "/files").POST(HttpRequest.BodyPublishers.ofByteArray(reel)));
    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(unnamed.body().get("errors").findValuesAsString("field"))
        .containsExactly("X-File-Name");
  }

  // ---- presigned URLs --------------------------------------------------------------------------

  @Test
  void clientsCanUploadAndDownloadStraightFromTheStore() throws Exception {
    User owner = user();
    byte[] pdf = Samples.pdf();
    Reply ticket =
        send(
            request(owner, "/uploads")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"script.pdf\",\"sizeBytes\":" + pdf.length + "}")));
    assertThat(ticket.status()).isEqualTo(201);
    String uploadId = ticket.body().get("uploadId").asString();
    String url = ticket.body().get("url").asString();

    Reply early =
        send(
            request(owner, "/uploads/" + uploadId + "/complete")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().get("reason").asString()).isEqualTo("UPLOAD_NOT_RECEIVED");

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(
            send(request(user(), "/uploads/" + uploadId + "/complete")
                    .POST(HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(404);
    Reply done =
        send(
            request(owner, "/uploads/" + uploadId + "/complete")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(done.status()).isEqualTo(201);
    String id = done.body().get("id").asString();
    JsonNode file = extracted(owner, id);
    assertThat(file.get("metadata").get("pages").asLong()).isEqualTo(2);
    assertThat(file.get("hasThumbnail").asBoolean()).isTrue();

    Reply link =
        send(
            request(owner, "/files/" + id + "/download-link")
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<byte[]> direct =
        http.send(
            HttpRequest.newBuilder(URI.create(link.body().get("url").asString())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.body()).isEqualTo(pdf);
    assertThat(
            send(request(user(), "/files/" + id + "/download-link")
                    .POST(HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void directUploadsOfProgramsAreDeleted() throws Exception {
    User owner = user();
    byte[] exe = Samples.windowsProgram();
    JsonNode ticket =
        send(request(owner, "/uploads")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"movie.mp4\",\"sizeBytes\":" + exe.length + "}")))
            .body();
    http.send(
        HttpRequest.newBuilder(URI.create(ticket.get("url").asString()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(exe))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String uploadId = ticket.get("uploadId").asString();
    Reply refused =
        send(
            request(owner, "/uploads/" + uploadId + "/complete")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.status()).isEqualTo(415);
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("incoming/" + uploadId)).contents())
        .isEmpty();
  }

  @Test
  void everyRouteNeedsAValidToken() throws Exception {
    assertThat(send(request(null, "/files").GET()).status()).isEqualTo(401);
    assertThat(upload(null, "tone.mp3", Samples.committed("tone.mp3")).status()).isEqualTo(401);
    Reply forged =
        send(
            HttpRequest.newBuilder(URI.create(base + "/files"))
                .header("Authorization", "Bearer not.a.token")
                .GET());
    assertThat(forged.status()).isEqualTo(401);
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(files))
        .containsExactly(
            "GET /public/files/{id}",
            "GET /public/files/{id}/content",
            "GET /public/files/{id}/thumbnail");
    assertThat(PublicEndpoints.grpcMethods(files)).as("gRPC methods without a caller").isEmpty();
  }
}
