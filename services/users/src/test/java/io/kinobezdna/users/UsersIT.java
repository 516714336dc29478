package io.kinobezdna.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.common.v1.PageRequest;
import io.kinobezdna.contracts.files.v1.FileInfo;
import io.kinobezdna.contracts.files.v1.FilesServiceGrpc;
import io.kinobezdna.contracts.files.v1.GetFileInfoRequest;
import io.kinobezdna.contracts.users.v1.GetProfilesRequest;
import io.kinobezdna.contracts.users.v1.ListAllFriendsRequest;
import io.kinobezdna.contracts.users.v1.ListFriendsRequest;
import io.kinobezdna.contracts.users.v1.Profile;
import io.kinobezdna.contracts.users.v1.UsersServiceGrpc;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The users service on the real PostgreSQL, called over REST and over gRPC. */
class UsersIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestTokens tokens;
  private static ConfigurableApplicationContext users;
  private static String base;
  private static int grpcPort;

  private static Server files;

  /** The files stand-in: the files of this run by id, as files would describe them. */
  private static final Map<String, FileInfo> storedFiles = new ConcurrentHashMap<>();

  static final class Files extends FilesServiceGrpc.FilesServiceImplBase {
    @Override
    public void getFileInfo(GetFileInfoRequest request, StreamObserver<FileInfo> responses) {
      FileInfo file = storedFiles.get(request.getFileId());
      if (file == null) {
        responses.onError(Status.NOT_FOUND.asRuntimeException());
        return;
      }
      responses.onNext(file);
      responses.onCompleted();
    }
  }

  private static String storedFile(User owner, String kind, String visibility) {
    String id = UUID.randomUUID().toString();
    storedFiles.put(
        id,
        FileInfo.newBuilder()
            .setFileId(id)
            .setOwnerId(owner.id())
            .setKind(kind)
            .setVisibility(visibility)
            .build());
    return id;
  }

  /** A user of this test run: an id and a token naming them. */
  record User(String id, String name, String token) {}

  @BeforeAll
  static void start() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres");
    var db = infra.postgres("users");
    tokens = new TestTokens();
    files =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Files())
            .build()
            .start();
    users =
        ServiceUnderTest.of(UsersApplication.class, UsersApplication.CONFIG_NAME)
            .database(db)
            .tokensFrom(tokens)
            .grpcService("files", files.getPort())
            .start();
    base = ServiceUnderTest.httpBase(users);
    grpcPort = ServiceUnderTest.grpcPort(users);
  }

  @AfterAll
  static void stop() {
    users.close();
    files.shutdownNow();
    tokens.close();
  }

  private static User newUser(String name, String... roles) throws Exception {
    String id = UUID.randomUUID().toString();
    User user = new User(id, name, tokens.tokenFor(id, name, roles));
    assertThat(call("GET", "/me", user, null).statusCode()).isEqualTo(200);
    return user;
  }

  private static HttpResponse<String> call(String method, String path, User user, String body)
      throws Exception {
    return call(method, path, user, body, null);
  }

  /** With {@code If-Match: ifMatch} unless it is null. */
  private static HttpResponse<String> call(
      String method, String path, User user, String body, String ifMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (user != null) {
      request.header("Authorization", "Bearer " + user.token());
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The version of a user's profile, as their own GET /me shows it, as an ETag. */
  private static String versionOf(User user) throws Exception {
    return "\""
        + json(call("GET", "/me", user, null)).get("profile").get("version").asLong()
        + "\"";
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void theFirstVisitCreatesAProfileFromTheTokenAndDefaultSettings() throws Exception {
    User ann = newUser("Ann Viewer");
    JsonNode me = json(call("GET", "/me", ann, null));

    assertThat(me.get("profile").get("userId").asString()).isEqualTo(ann.id());
    assertThat(me.get("profile").get("displayName").asString()).isEqualTo("Ann Viewer");
    assertThat(me.get("settings").get("language").isNull()).isTrue();
    assertThat(me.get("settings").get("theme").asString()).isEqualTo("dark");
    assertThat(call("GET", "/me", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void anAvatarMustBeAPublicImageOfTheProfilesOwner() throws Exception {
    User ann = newUser("Ann");
    User bob = newUser("Bob");
    String bobsPhoto = storedFile(bob, "image", "public");
    String annsPrivatePhoto = storedFile(ann, "image", "private");
    String annsSong = storedFile(ann, "audio", "public");
    for (String refused :
        List.of(bobsPhoto, annsPrivatePhoto, annsSong, UUID.randomUUID().toString())) {
      HttpResponse<String> answer =
          call(
              "PATCH",
              "/me/profile",
              ann,
              "{\"avatarFileId\":\"" + refused + "\"}",
              versionOf(ann));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("avatarFileId");
    }
    assertThat(json(call("GET", "/me", ann, null)).get("profile").get("avatarFileId").isNull())
        .as("no refused avatar was stored")
        .isTrue();

    String annsPhoto = storedFile(ann, "image", "public");
    HttpResponse<String> set =
        call(
            "PATCH",
            "/me/profile",
            ann,
            "{\"avatarFileId\":\"" + annsPhoto + "\"}",
            versionOf(ann));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(json(set).get("avatarFileId").asString()).isEqualTo(annsPhoto);
  }

  @Test
  void usersEditTheirOwnProfileAndSettingsOnly() throws Exception {
    User ann = newUser("Ann");
    User bob = newUser("Bob");

    String first = versionOf(ann);
    HttpResponse<String> edited =
        call(
            "PATCH",
            "/me/profile",
            ann,
            "{\"displayName\":\"Anna K\",\"bio\":\"Noir fan\"}",
            first);
    assertThat(edited.statusCode()).isEqualTo(200);
    assertThat(json(edited).get("displayName").asString()).isEqualTo("Anna K");
    assertThat(edited.headers().firstValue("ETag")).hasValue(versionOf(ann)).isNotEqualTo(first);

    // an edit from a second tab that loaded the profile before the first edit
    HttpResponse<String> stale = call("PATCH", "/me/profile", ann, "{\"bio\":\"old tab\"}", first);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("reason").asString()).isEqualTo("PROFILE_CHANGED");
    assertThat(call("PATCH", "/me/profile", ann, "{\"bio\":\"no version\"}").statusCode())
        .isEqualTo(400);

    HttpResponse<String> intrusion =
        call("PATCH", "/profiles/" + bob.id(), ann, "{\"displayName\":\"hacked\"}", versionOf(bob));
    assertThat(intrusion.statusCode()).isEqualTo(403);
    assertThat(json(intrusion).get("reason").asString()).isEqualTo("NOT_YOUR_PROFILE");
    assertThat(json(call("GET", "/me", bob, null)).get("profile").get("displayName").asString())
        .isEqualTo("Bob");

    User admin = newUser("Moderator", "USER", "ADMIN");
    assertThat(
            call("PATCH", "/profiles/" + bob.id(), admin, "{\"bio\":\"moderated\"}", versionOf(bob))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> invalid =
        call(
            "PATCH",
            "/me/profile",
            ann,
            "{\"displayName\":\"  \",\"locale\":\"fr\",\"avatarFileId\":\"x\",\"bio\":\""
                + "b".repeat(501)
                + "\"}",
            versionOf(ann));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("errors")).hasSize(4);
    assertThat(json(call("GET", "/me", ann, null)).get("profile").get("bio").asString())
        .as("a rejected edit changes nothing")
        .isEqualTo("Noir fan");

    String settings =
        "{\"language\":\"en\",\"theme\":\"light\",\"autoplay\":false,"
            + "\"notifyByEmail\":false,\"notifyInApp\":true,\"notifyFriendActivity\":true}";
    assertThat(call("PUT", "/me/settings", ann, settings).statusCode()).isEqualTo(200);
    assertThat(json(call("GET", "/me", ann, null)).get("settings").get("theme").asString())
        .isEqualTo("light");
    assertThat(json(call("GET", "/me", bob, null)).get("settings").get("theme").asString())
        .isEqualTo("dark");
    assertThat(call("PUT", "/me/settings", ann, settings.replace("light", "neon")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void mutualFollowsAreFriends() throws Exception {
    User ann = newUser("Ann");
    User bob = newUser("Bob");

    JsonNode following = json(call("PUT", "/me/following/" + bob.id(), ann, null));
    assertThat(following.get("following").asBoolean()).isTrue();
    assertThat(following.get("friends").asBoolean()).isFalse();
    call("PUT", "/me/following/" + bob.id(), ann, null); // idempotent
    JsonNode bobsFollowers =
        json(call("GET", "/profiles/" + bob.id() + "/followers", ann, null)).get("items");
    assertThat(bobsFollowers).hasSize(1);
    // as bob sees his follower ann: she follows him, he does not follow her
    JsonNode annAsBobSeesHer =
        json(call("GET", "/profiles/" + bob.id() + "/followers", bob, null))
            .get("items")
            .get(0)
            .get("relationship");
    assertThat(annAsBobSeesHer.get("following").asBoolean()).isFalse();
    assertThat(annAsBobSeesHer.get("followedBy").asBoolean()).isTrue();

    JsonNode mutual = json(call("PUT", "/me/following/" + ann.id(), bob, null));
    assertThat(mutual.get("friends").asBoolean()).isTrue();
    JsonNode friends = json(call("GET", "/profiles/" + ann.id() + "/friends", ann, null));
    assertThat(friends.get("items")).hasSize(1);
    assertThat(friends.get("items").get(0).get("profile").get("userId").asString())
        .isEqualTo(bob.id());
    assertThat(friends.get("items").get(0).get("relationship").get("friends").asBoolean()).isTrue();

    assertThat(call("DELETE", "/me/following/" + bob.id(), ann, null).statusCode()).isEqualTo(200);
    assertThat(json(call("GET", "/profiles/" + ann.id() + "/friends", ann, null)).get("items"))
        .isEmpty();
    assertThat(call("PUT", "/me/following/" + ann.id(), ann, null).statusCode()).isEqualTo(400);
    assertThat(call("PUT", "/me/following/" + UUID.randomUUID(), ann, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void searchFindsPeopleByNamePageByPage() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    User viewer = newUser("Searcher");
    for (int i = 0; i < 5; i++) {
      newUser("Pager " + tag + " " + i);
    }
    List<String> names = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonNode page =
          json(call("GET", "/search?q=" + tag + "&limit=2&cursor=" + cursor, viewer, null));
      page.get("items").forEach(p -> names.add(p.get("profile").get("displayName").asString()));
      cursor = page.get("nextCursor").asString();
      pages++;
    } while (!cursor.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(names)
        .containsExactly(
            "Pager " + tag + " 0",
            "Pager " + tag + " 1",
            "Pager " + tag + " 2",
            "Pager " + tag + " 3",
            "Pager " + tag + " 4");
    assertThat(call("GET", "/search?q=x", viewer, null).statusCode()).isEqualTo(400);
    assertThat(call("GET", "/search?q=abc&cursor=%25%25", viewer, null).statusCode())
        .isEqualTo(400);
    // well-formed, but not made by this list ("yesterday", "me")
    assertThat(call("GET", "/search?q=abc&cursor=eWVzdGVyZGF5Cm1l", viewer, null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void otherServicesGetProfilesAndFriendsOverGrpcWithTheUsersToken() throws Exception {
    User ann = newUser("Ann");
    User bob = newUser("Bob");
    call("PUT", "/me/following/" + bob.id(), ann, null);
    call("PUT", "/me/following/" + ann.id(), bob, null);

    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + ann.token());
      UsersServiceGrpc.UsersServiceBlockingStub stub =
          UsersServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

      List<Profile> profiles =
          stub.getProfiles(
                  GetProfilesRequest.newBuilder()
                      .addUserIds(ann.id())
                      .addUserIds(bob.id())
                      .addUserIds(UUID.randomUUID().toString())
                      .build())
              .getProfilesList();
      assertThat(profiles)
          .extracting(Profile::getDisplayName)
          .containsExactlyInAnyOrder("Ann", "Bob");

      var friends =
          stub.listFriends(
              ListFriendsRequest.newBuilder()
                  .setUserId(ann.id())
                  .setPage(PageRequest.newBuilder().setPageSize(10))
                  .build());
      assertThat(friends.getFriendsList()).extracting(Profile::getUserId).containsExactly(bob.id());
      var all = stub.listAllFriends(ListAllFriendsRequest.newBuilder().setUserId(ann.id()).build());
      assertThat(all.getFriendsList()).extracting(Profile::getUserId).containsExactly(bob.id());
      assertThat(all.getTruncated()).isFalse();

      assertThatThrownBy(
              () ->
                  stub.listFriends(ListFriendsRequest.newBuilder().setUserId("not-a-uuid").build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
      assertThatThrownBy(
              () ->
                  UsersServiceGrpc.newBlockingStub(channel)
                      .getProfiles(GetProfilesRequest.newBuilder().addUserIds(ann.id()).build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    } finally {
      channel.shutdownNow();
    }
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(users)).isEmpty();
    assertThat(PublicEndpoints.grpcMethods(users)).as("gRPC methods without a caller").isEmpty();
  }
}
