package io.kinobezdna.ugc;

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
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.FilmSummary;
import io.kinobezdna.contracts.catalog.v1.GetFilmsRequest;
import io.kinobezdna.contracts.catalog.v1.GetFilmsResponse;
import io.kinobezdna.contracts.ugc.v1.ListFriendsWhoWantRequest;
import io.kinobezdna.contracts.ugc.v1.UgcServiceGrpc;
import io.kinobezdna.contracts.users.v1.GetProfilesRequest;
import io.kinobezdna.contracts.users.v1.GetProfilesResponse;
import io.kinobezdna.contracts.users.v1.ListAllFriendsRequest;
import io.kinobezdna.contracts.users.v1.ListAllFriendsResponse;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * UGC on the real PostgreSQL over REST. Catalog and users answer over real gRPC from stand-ins that
 * know a few films and friendships.
 */
class UgcIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Set<String> films = ConcurrentHashMap.newKeySet();
  private static final Map<String, List<String>> friendships = new ConcurrentHashMap<>();
  private static final AtomicInteger friendListCalls = new AtomicInteger();
  private static TestTokens tokens;
  private static Server upstreams;
  private static ConfigurableApplicationContext ugc;
  private static String base;
  private static int grpcPort;

  record User(String id, String token) {}

  @BeforeAll
  static void start() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres");
    var db = infra.postgres("ugc");
    tokens = new TestTokens();
    upstreams =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Catalog())
            .addService(new Users())
            .build()
            .start();
    ugc =
        ServiceUnderTest.of(UgcApplication.class, UgcApplication.CONFIG_NAME)
            .database(db)
            .tokensFrom(tokens)
            .grpcService("users", upstreams.getPort())
            .grpcService("catalog", upstreams.getPort())
            .start();
    base = ServiceUnderTest.httpBase(ugc);
    grpcPort = ServiceUnderTest.grpcPort(ugc);
  }

  @AfterAll
  static void stop() {
    ugc.close();
    upstreams.shutdownNow();
    tokens.close();
  }

  /** The catalog stand-in: knows the films the tests add to {@link #films}. */
  static final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {
    @Override
    public void getFilms(GetFilmsRequest request, StreamObserver<GetFilmsResponse> responses) {
      GetFilmsResponse.Builder answer = GetFilmsResponse.newBuilder();
      request.getFilmIdsList().stream()
          .filter(films::contains)
          .forEach(id -> answer.addFilms(FilmSummary.newBuilder().setFilmId(id)));
      responses.onNext(answer.build());
      responses.onCompleted();
    }
  }

  /** The users stand-in: friends as the tests set them in {@link #friendships}. */
  static final class Users extends UsersServiceGrpc.UsersServiceImplBase {
    @Override
    public void listAllFriends(
        ListAllFriendsRequest request, StreamObserver<ListAllFriendsResponse> responses) {
      friendListCalls.incrementAndGet();
      ListAllFriendsResponse.Builder answer = ListAllFriendsResponse.newBuilder();
      for (String friend : friendships.getOrDefault(request.getUserId(), List.of())) {
        answer.addFriends(
            Profile.newBuilder().setUserId(friend).setDisplayName("Friend " + friend));
      }
      responses.onNext(answer.build());
      responses.onCompleted();
    }

    @Override
    public void getProfiles(
        GetProfilesRequest request, StreamObserver<GetProfilesResponse> responses) {
      GetProfilesResponse.Builder answer = GetProfilesResponse.newBuilder();
      for (String id : request.getUserIdsList()) {
        answer.addProfiles(Profile.newBuilder().setUserId(id).setDisplayName(name(id)));
      }
      responses.onNext(answer.build());
      responses.onCompleted();
    }
  }

  private static String name(String userId) {
    return "Viewer " + userId.substring(0, 8);
  }

  private static User user(String... roles) {
    String id = UUID.randomUUID().toString();
    return new User(id, tokens.tokenFor(id, name(id), roles));
  }

  private static String film() {
    String id = UUID.randomUUID().toString();
    films.add(id);
    return id;
  }

  private static HttpResponse<String> call(String method, String path, User user, String body)
      throws Exception {
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
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(String method, String path, User user, String body) throws Exception {
    HttpResponse<String> response = call(method, path, user, body);
    assertThat(response.statusCode())
        .as(method + " " + path + " → " + response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> events(String filmId) {
    return ugc.getBean(JdbcClient.class)
        .sql(
            "select convert_from(payload, 'UTF8')::json->>'type' from outbox_event"
                + " where message_key = ? order by id")
        .param(filmId)
        .query(String.class)
        .list();
  }

  @Test
  void likesCountOncePerViewerAndEachChangeIsOneEvent() throws Exception {
    User ann = user();
    User bob = user();
    String film = film();

    JsonNode liked = ok("PUT", "/films/" + film + "/like", ann, null);
    assertThat(liked.get("liked").asBoolean()).isTrue();
    assertThat(liked.get("likeCount").asLong()).isEqualTo(1);
    assertThat(ok("PUT", "/films/" + film + "/like", ann, null).get("likeCount").asLong())
        .as("a repeated like (a retried request) counts once")
        .isEqualTo(1);
    assertThat(ok("GET", "/films/" + film + "/mine", bob, null).get("liked").asBoolean()).isFalse();
    assertThat(ok("PUT", "/films/" + film + "/like", bob, null).get("likeCount").asLong())
        .isEqualTo(2);
    assertThat(ok("DELETE", "/films/" + film + "/like", ann, null).get("likeCount").asLong())
        .isEqualTo(1);
    assertThat(events(film)).containsExactly("liked", "liked", "unliked");
  }

  @Test
  void ratingsAverageOverViewersAndBadScoresChangeNothing() throws Exception {
    User ann = user();
    User bob = user();
    String film = film();

    ok("PUT", "/films/" + film + "/rating", ann, "{\"score\":8}");
    JsonNode changed = ok("PUT", "/films/" + film + "/rating", ann, "{\"score\":6}");
    assertThat(changed.get("score").asInt()).isEqualTo(6);
    assertThat(changed.get("ratingCount").asLong()).isEqualTo(1);
    JsonNode both = ok("PUT", "/films/" + film + "/rating", bob, "{\"score\":10}");
    assertThat(both.get("averageRating").asDouble()).isEqualTo(8.0);

    for (String bad : List.of("{\"score\":11}", "{\"score\":0}", "{}", "{\"score\":\"x\"}")) {
      assertThat(call("PUT", "/films/" + film + "/rating", ann, bad).statusCode())
          .as(bad)
          .isEqualTo(400);
    }
    assertThat(ok("GET", "/films/" + film + "/mine", ann, null).get("score").asInt()).isEqualTo(6);

    JsonNode withdrawn = ok("DELETE", "/films/" + film + "/rating", bob, null);
    assertThat(withdrawn.get("ratingCount").asLong()).isEqualTo(1);
    assertThat(withdrawn.get("averageRating").asDouble()).isEqualTo(6.0);
    assertThat(events(film)).containsExactly("rated", "rated", "rated", "unrated");
  }

  @Test
  void theWishlistIsTheViewersOwnLatestFirstPageByPage() throws Exception {
    User ann = user();
    User bob = user();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String film = film();
      added.add(0, film);
      assertThat(ok("PUT", "/me/wishlist/" + film, ann, null).get("wanted").asBoolean()).isTrue();
    }
    JsonNode first = ok("GET", "/me/wishlist?limit=2", ann, null);
    JsonNode second =
        ok("GET", "/me/wishlist?limit=2&cursor=" + first.get("nextCursor").asString(), ann, null);
    List<String> listed = new ArrayList<>();
    first.get("items").forEach(i -> listed.add(i.get("filmId").asString()));
    second.get("items").forEach(i -> listed.add(i.get("filmId").asString()));
    assertThat(listed).containsExactlyElementsOf(added);
    assertThat(second.get("nextCursor").asString()).isEmpty();
    assertThat(ok("GET", "/me/wishlist", bob, null).get("items")).isEmpty();

    ok("DELETE", "/me/wishlist/" + added.getFirst(), ann, null);
    assertThat(ok("GET", "/me/wishlist", ann, null).get("items")).hasSize(2);
    assertThat(call("GET", "/me/wishlist?cursor=bogus!", ann, null).statusCode()).isEqualTo(400);
  }

  @Test
  void progressResumesAndFinishedFilmsLeaveContinueWatching() throws Exception {
    User ann = user();
    String started = film();
    String finished = film();

    ok(
        "PUT",
        "/films/" + started + "/progress",
        ann,
        "{\"positionSeconds\":30,\"durationSeconds\":120}");
    ok(
        "PUT",
        "/films/" + finished + "/progress",
        ann,
        "{\"positionSeconds\":60,\"durationSeconds\":120}");
    ok(
        "PUT",
        "/films/" + finished + "/progress",
        ann,
        "{\"positionSeconds\":118,\"durationSeconds\":120}");

    JsonNode resume = ok("GET", "/films/" + started + "/mine", ann, null).get("progress");
    assertThat(resume.get("positionSeconds").asInt()).isEqualTo(30);
    List<String> row = new ArrayList<>();
    ok("GET", "/me/continue-watching", ann, null).forEach(p -> row.add(p.get("filmId").asString()));
    assertThat(row).containsExactly(started);

    HttpResponse<String> bad =
        call(
            "PUT",
            "/films/" + started + "/progress",
            ann,
            "{\"positionSeconds\":500,\"durationSeconds\":120}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(
            ok("GET", "/films/" + started + "/mine", ann, null)
                .get("progress")
                .get("positionSeconds")
                .asInt())
        .isEqualTo(30);
  }

  @Test
  void unknownFilmsAndAnonymousCallersChangeNothing() throws Exception {
    User ann = user();
    String ghost = UUID.randomUUID().toString();
    HttpResponse<String> missing = call("PUT", "/films/" + ghost + "/like", ann, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("reason").asString()).isEqualTo("FILM_NOT_FOUND");
    assertThat(call("PUT", "/me/wishlist/" + ghost, ann, null).statusCode()).isEqualTo(404);
    assertThat(events(ghost)).isEmpty();
    assertThat(call("PUT", "/films/" + film() + "/like", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void friendsWhoAlsoWantAFilmAreTheMutualFriendsWithItOnTheirList() throws Exception {
    User ann = user();
    User bob = user();
    User carol = user();
    User stranger = user();
    friendships.put(ann.id(), List.of(bob.id(), carol.id()));
    String film = film();
    ok("PUT", "/me/wishlist/" + film, bob, null);
    ok("PUT", "/me/wishlist/" + film, stranger, null);

    int callsBefore = friendListCalls.get();
    JsonNode friends = ok("GET", "/films/" + film + "/friends-who-want", ann, null);
    assertThat(friendListCalls.get() - callsBefore)
        .as("the whole friend list in one call to users")
        .isEqualTo(1);
    assertThat(friends).hasSize(1);
    assertThat(friends.get(0).get("userId").asString()).isEqualTo(bob.id());
    assertThat(ok("GET", "/films/" + film + "/friends-who-want", carol, null)).isEmpty();
  }

  @Test
  void reviewsAreShownOnlyOnceSupportPublishesThemAndEditsGoBackToTheQueue() throws Exception {
    User ann = user();
    User bob = user();
    User support = user("SUPPORT");
    String film = film();
    String reviews = "/public/films/" + film + "/reviews";

    HttpResponse<String> tooShort =
        call("PUT", "/films/" + film + "/review", ann, "{\"body\":\"  meh  \"}");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("body");
    assertThat(call("PUT", "/films/" + UUID.randomUUID() + "/review", ann, REVIEW).statusCode())
        .isEqualTo(404);

    JsonNode written = ok("PUT", "/films/" + film + "/review", ann, REVIEW);
    assertThat(written.get("status").asString()).isEqualTo("pending");
    assertThat(written.get("authorName").asString()).isEqualTo(name(ann.id()));
    assertThat(
            ok("GET", "/films/" + film + "/mine", ann, null).get("review").get("status").asString())
        .isEqualTo("pending");
    assertThat(ok("GET", reviews, null, null).get("items"))
        .as("nothing shown before support")
        .isEmpty();

    // Viewers neither see the queue nor decide; support does.
    assertThat(call("GET", "/moderation/reviews", bob, null).statusCode()).isEqualTo(403);
    String id = written.get("id").asString();
    String publish = decision("publish", null, written.get("writtenAt").asString());
    assertThat(call("PUT", "/moderation/reviews/" + id, bob, publish).statusCode()).isEqualTo(403);
    assertThat(queue(support)).contains(id);
    HttpResponse<String> noNote =
        call(
            "PUT",
            "/moderation/reviews/" + id,
            support,
            decision("reject", " ", written.get("writtenAt").asString()));
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("note");

    assertThat(ok("PUT", "/moderation/reviews/" + id, support, publish).get("status").asString())
        .isEqualTo("published");
    JsonNode shown = ok("GET", reviews, null, null).get("items");
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).get("body").asString()).isEqualTo(REVIEW_TEXT);
    assertThat(queue(support)).doesNotContain(id);

    // An edit is a new text: hidden until support has read it, and a decision about the old text
    // no longer applies.
    JsonNode edited =
        ok("PUT", "/films/" + film + "/review", ann, "{\"body\":\"On second thought: too long.\"}");
    assertThat(edited.get("id").asString()).isEqualTo(id);
    assertThat(ok("GET", reviews, null, null).get("items")).isEmpty();
    HttpResponse<String> stale = call("PUT", "/moderation/reviews/" + id, support, publish);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(
            ok("GET", "/films/" + film + "/mine", ann, null).get("review").get("status").asString())
        .isEqualTo("pending");
    JsonNode rejected =
        ok(
            "PUT",
            "/moderation/reviews/" + id,
            support,
            decision("reject", "Spoilers in the first line", edited.get("writtenAt").asString()));
    assertThat(rejected.get("moderationNote").asString()).isEqualTo("Spoilers in the first line");
    assertThat(ok("GET", reviews, null, null).get("items")).isEmpty();

    assertThat(call("DELETE", "/films/" + film + "/review", bob, null).statusCode())
        .as("bob has no review to withdraw; ann's stays")
        .isEqualTo(404);
    assertThat(ok("GET", "/films/" + film + "/mine", ann, null).get("review").isNull()).isFalse();
    assertThat(call("DELETE", "/films/" + film + "/review", ann, null).statusCode()).isEqualTo(204);
    assertThat(ok("GET", "/films/" + film + "/mine", ann, null).get("review").isNull()).isTrue();
  }

  @Test
  void publishedReviewsPageNewestFirst() throws Exception {
    User support = user("ADMIN");
    String film = film();
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonNode review = ok("PUT", "/films/" + film + "/review", user(), REVIEW);
      String id = review.get("id").asString();
      ok(
          "PUT",
          "/moderation/reviews/" + id,
          support,
          decision("publish", null, review.get("writtenAt").asString()));
      published.addFirst(id);
    }
    List<String> seen = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page =
          ok("GET", "/public/films/" + film + "/reviews?limit=2&cursor=" + cursor, null, null);
      page.get("items").forEach(r -> seen.add(r.get("id").asString()));
      cursor = page.get("nextCursor").asString();
    } while (!cursor.isEmpty());
    assertThat(seen).isEqualTo(published);
    assertThat(
            call("GET", "/public/films/" + film + "/reviews?cursor=bm90LWEtY3Vyc29y", null, null)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void whoLikedAFilmListsTheViewersFriendsFirstThenEveryoneOncePageByPage() throws Exception {
    User ann = user();
    List<User> friends = List.of(user(), user());
    List<User> others = List.of(user(), user(), user());
    friendships.put(ann.id(), friends.stream().map(User::id).toList());
    String film = film();
    for (User u :
        List.of(others.get(0), friends.get(0), others.get(1), friends.get(1), others.get(2))) {
      ok("PUT", "/films/" + film + "/like", u, null);
    }

    List<JsonNode> likers = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = ok("GET", "/films/" + film + "/likes?limit=2&cursor=" + cursor, ann, null);
      page.get("items").forEach(likers::add);
      cursor = page.get("nextCursor").asString();
    } while (!cursor.isEmpty());

    assertThat(likers.stream().map(l -> l.get("userId").asString()))
        .as("friends first, newest first within each part")
        .containsExactly(
            friends.get(1).id(),
            friends.get(0).id(),
            others.get(2).id(),
            others.get(1).id(),
            others.get(0).id());
    assertThat(likers.stream().map(l -> l.get("friend").asBoolean()))
        .containsExactly(true, true, false, false, false);
    assertThat(likers.get(0).get("displayName").asString())
        .isEqualTo("Friend " + friends.get(1).id());
    assertThat(likers.get(2).get("displayName").asString()).isEqualTo(name(others.get(2).id()));
    assertThat(call("GET", "/films/" + film + "/likes", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void roomsAskForFriendsWhoWantAFilmOverGrpcAsTheViewer() throws Exception {
    User ann = user();
    User bob = user();
    friendships.put(ann.id(), List.of(bob.id()));
    String film = film();
    ok("PUT", "/me/wishlist/" + film, bob, null);
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      Metadata metadata = new Metadata();
      metadata.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + ann.token());
      var stub =
          UgcServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
      var answer =
          stub.listFriendsWhoWant(ListFriendsWhoWantRequest.newBuilder().setFilmId(film).build());
      assertThat(answer.getFriendsList()).extracting(f -> f.getUserId()).containsExactly(bob.id());
      assertThat(answer.getFriends(0).getDisplayName()).isEqualTo("Friend " + bob.id());

      assertThatThrownBy(
              () ->
                  stub.listFriendsWhoWant(
                      ListFriendsWhoWantRequest.newBuilder().setFilmId("nope").build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
      assertThatThrownBy(
              () ->
                  UgcServiceGrpc.newBlockingStub(channel)
                      .listFriendsWhoWant(
                          ListFriendsWhoWantRequest.newBuilder().setFilmId(film).build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    } finally {
      channel.shutdownNow();
    }
  }

  private static final String REVIEW_TEXT = "Slow, strange and unforgettable.";
  private static final String REVIEW = "{\"body\":\"" + REVIEW_TEXT + "\"}";

  private static String decision(String decision, String note, String writtenAt) {
    return JSON.writeValueAsString(
        note == null
            ? Map.of("decision", decision, "writtenAt", writtenAt)
            : Map.of("decision", decision, "note", note, "writtenAt", writtenAt));
  }

  /** Ids in support's queue, all pages. */
  private static List<String> queue(User support) throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = ok("GET", "/moderation/reviews?limit=100&cursor=" + cursor, support, null);
      page.get("items").forEach(r -> ids.add(r.get("id").asString()));
      cursor = page.get("nextCursor").asString();
    } while (!cursor.isEmpty());
    return ids;
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(ugc)).containsExactly("GET /public/films/{filmId}/reviews");
    assertThat(PublicEndpoints.grpcMethods(ugc)).as("gRPC methods without a caller").isEmpty();
  }
}
