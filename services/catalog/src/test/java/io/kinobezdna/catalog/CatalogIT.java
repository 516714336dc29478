package io.kinobezdna.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.kinobezdna.catalog.adapter.in.kafka.UgcEventsListener;
import io.kinobezdna.catalog.application.command.SeedDemoLibraryHandler;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetFilmsRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.ListSkusRequest;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.platform.kafka.PlatformKafkaAutoConfiguration;
import io.kinobezdna.platform.kafka.UnreadableRecord;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import io.kinobezdna.platform.testkit.TopicReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog on the real PostgreSQL with the demo library, over REST and gRPC. */
class CatalogIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestTokens tokens;
  private static ConfigurableApplicationContext catalog;
  private static String base;
  private static int grpcPort;
  private static String viewer;
  private static String editor;
  private static String support;
  private static String kafka;

  @BeforeAll
  static void start() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres", "kafka");
    kafka = infra.kafkaBootstrapServers();
    var db = infra.postgres("catalog");
    tokens = new TestTokens();
    Path media = Files.createTempDirectory("catalog-media");
    catalog =
        ServiceUnderTest.of(CatalogApplication.class, CatalogApplication.CONFIG_NAME)
            .database(db)
            .kafka(infra)
            .tokensFrom(tokens)
            .property("kb.catalog.media-directory", media)
            .property("kb.catalog.video-seconds", 2)
            .property("kb.catalog.demo.generated-films", 80)
            .start();
    base = ServiceUnderTest.httpBase(catalog);
    grpcPort = ServiceUnderTest.grpcPort(catalog);
    viewer = tokens.tokenFor(UUID.randomUUID().toString(), "Viewer");
    editor = tokens.tokenFor(UUID.randomUUID().toString(), "Editor", "USER", "EDITOR");
    support = tokens.tokenFor(UUID.randomUUID().toString(), "Agent", "USER", "SUPPORT");
  }

  @AfterAll
  static void stop() {
    catalog.close();
    tokens.close();
  }

  private static HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return call(method, path, token, body, null);
  }

  /** With {@code If-Match: ifMatch} when it is not null: an editor's change names its version. */
  private static HttpResponse<String> call(
      String method, String path, String token, String body, String ifMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The film's current version as its ETag, as an editor sees it. */
  private static String etagOf(String id) throws Exception {
    return call("GET", "/films/" + id, editor, null).headers().firstValue("ETag").orElseThrow();
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = call("GET", path, null, null);
    assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> titles(JsonNode page, String field) {
    List<String> titles = new ArrayList<>();
    page.get("items").forEach(item -> titles.add(item.get(field).asString()));
    return titles;
  }

  @Test
  void theDemoLibraryIsSeededOnceAndRestartsAddNothing() throws Exception {
    JsonNode all = get("/films?limit=100");
    assertThat(all.get("items")).hasSize(100);
    long counted = 0;
    for (JsonNode n : all.get("genreCounts")) {
      counted += n.asLong();
    }
    assertThat(counted).as("every film has at least one genre").isGreaterThanOrEqualTo(120);
    assertThat(catalog.getBean(SeedDemoLibraryHandler.class).handle()).isZero();
  }

  @Test
  void searchForgivesTyposMatchesPrefixesAndStemsInBothLanguages() throws Exception {
    assertThat(titles(get("/films?q=Metropolsi"), "titleEn")).first().isEqualTo("Metropolis");
    assertThat(titles(get("/films?q=" + q("Метраполис")), "titleEn"))
        .first()
        .isEqualTo("Metropolis");
    assertThat(titles(get("/films?q=nosferatuu"), "titleEn")).first().isEqualTo("Nosferatu");
    assertThat(titles(get("/films?q=" + q("носфер")), "titleEn")).first().isEqualTo("Nosferatu");
    assertThat(titles(get("/films?q=" + q("броненосцы")), "titleEn"))
        .contains("Battleship Potemkin");
    assertThat(titles(get("/films?q=" + q("Потемкин")), "titleEn"))
        .as("ё and е are the same letter to search")
        .first()
        .isEqualTo("Battleship Potemkin");
    assertThat(titles(get("/films?q=gold%20rush"), "titleEn")).first().isEqualTo("The Gold Rush");
    assertThat(get("/films?q=qqxxzzy").get("items")).isEmpty();
  }

  @Test
  void typosAreCorrectedToWordsOfTitlesAddedOrRevisedSinceAndTheirPagesContinue() throws Exception {
    // Letters only: a run's own word, so earlier runs' films cannot answer for it.
    String word = "Zamorochka" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    Set<String> ids = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> created =
          call("POST", "/films?publish=true", editor, draft(word + " " + i, "[]"));
      assertThat(created.statusCode()).isEqualTo(201);
      ids.add(JSON.readTree(created.body()).get("card").get("id").asString());
    }
    String typo = word.replace("Zamorochka", "Zamorochko");

    Set<String> seen = new HashSet<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonNode page = get("/films?limit=2&q=" + q(typo) + "&cursor=" + cursor);
      for (JsonNode film : page.get("items")) {
        assertThat(seen.add(film.get("id").asString())).as("no film twice").isTrue();
      }
      cursor = page.get("nextCursor").asString();
      pages++;
    } while (!cursor.isEmpty() && pages < 10);
    assertThat(pages).isEqualTo(2);
    assertThat(seen).isEqualTo(ids);
    assertThat(get("/films?q=" + q(typo)).get("correctedQuery").asString())
        .as("the page says what it shows results for")
        .isEqualTo(word.toLowerCase(Locale.ROOT));
    assertThat(get("/films?q=" + q(word)).get("correctedQuery").asString()).isEmpty();

    // A revised title's new word is known to the correction at once.
    String first = ids.iterator().next();
    assertThat(
            call("PUT", "/films/" + first, editor, draft(word + " Vetrogon", "[]"), etagOf(first))
                .statusCode())
        .isEqualTo(200);
    assertThat(titles(get("/films?q=" + q(typo + " vetrogan")), "titleEn"))
        .containsExactly(word + " Vetrogon");
    assertThat(get("/films?q=" + q(typo + " qqxxzzy")).get("items"))
        .as("a word with no close title word finds nothing")
        .isEmpty();
  }

  @Test
  void filtersNarrowTheResultAndGenreCountsDescribeIt() throws Exception {
    JsonNode page = get("/films?genre=horror&yearTo=1930&limit=100");
    assertThat(page.get("items")).isNotEmpty();
    for (JsonNode film : page.get("items")) {
      assertThat(film.get("genres").toString()).contains("horror");
      assertThat(film.get("year").asInt()).isLessThanOrEqualTo(1930);
    }
    assertThat(titles(page, "titleEn")).contains("Nosferatu", "The Cabinet of Dr. Caligari");
    // Counts ignore the genre filter itself: they say what each chip would show.
    JsonNode counts = page.get("genreCounts");
    assertThat(counts.get("horror").asLong()).isEqualTo(page.get("items").size());
    assertThat(counts.get("comedy").asLong()).isPositive();

    for (JsonNode film : get("/films?country=SU&maxAgeRating=6&limit=100").get("items")) {
      assertThat(film.get("countries").toString()).contains("SU");
      assertThat(film.get("ageRating").asInt()).isLessThanOrEqualTo(6);
    }
    // With text, a genre chip without hits still leaves the counts of the others to choose from.
    JsonNode noComedy = get("/films?q=nosferatu&genre=comedy");
    assertThat(noComedy.get("items")).isEmpty();
    assertThat(noComedy.get("genreCounts").get("horror").asLong()).isPositive();
    assertThat(noComedy.get("genreCounts").has("comedy")).isFalse();
    assertThat(titles(get("/films?q=nosferatuu&genre=horror"), "titleEn"))
        .first()
        .isEqualTo("Nosferatu");

    JsonNode both = get("/films?genre=documentary&genre=animation&limit=100");
    for (JsonNode film : both.get("items")) {
      assertThat(film.get("genres").toString()).containsAnyOf("documentary", "animation");
    }
  }

  @Test
  void pagesCoverEveryMatchOnceInOrder() throws Exception {
    for (String sort : List.of("newest", "title", "popular", "relevance")) {
      // "the" starts every generated English title: many hits with equal scores.
      String query = sort.equals("relevance") ? "&q=the" : "";
      List<Integer> years = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<String> titles = new ArrayList<>();
      String cursor = "";
      int pages = 0;
      do {
        JsonNode page = get("/films?sort=" + sort + "&limit=7&cursor=" + cursor + query);
        for (JsonNode film : page.get("items")) {
          assertThat(seen.add(film.get("id").asString())).as(sort + ": no film twice").isTrue();
          years.add(film.get("year").asInt());
          titles.add(film.get("titleRu").asString().toLowerCase());
        }
        cursor = page.get("nextCursor").asString();
        pages++;
      } while (!cursor.isEmpty() && pages < 100);
      assertThat(pages).as(sort + ": several pages").isGreaterThan(1);
      if (sort.equals("newest")) {
        assertThat(years).isSortedAccordingTo((a, b) -> b - a);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(120);
      }
      if (sort.equals("title")) {
        assertThat(titles).isSorted();
      }
    }
  }

  @Test
  void badSearchRequestsAreRefusedWithTheField() throws Exception {
    for (String path :
        List.of(
            "/films?sort=loudest",
            "/films?limit=0",
            "/films?cursor=not-a-cursor!",
            "/films?genre=telenovela",
            "/films?yearFrom=2000&yearTo=1990",
            "/films?yearFrom=abc",
            "/films?lang=fr")) {
      HttpResponse<String> response = call("GET", path, null, null);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  private static String draft(String title, String offers) {
    return """
        {"titleRu":"%s","titleEn":"%s","originalTitle":"%s","year":2024,"durationMinutes":95,
         "synopsis":"Тест.","genres":["drama"],"countries":["RU"],"ageRating":12,
         "directors":["Иван Тестов"],"cast":["Анна Тестова"],"studio":"Test Film",
         "offers":%s}
        """
        .formatted(title, title, title, offers);
  }

  @Test
  void onlyStaffEditTheCatalogAndUnpublishedFilmsStayHidden() throws Exception {
    String title = "Proverka " + UUID.randomUUID().toString().substring(0, 8);
    String offers =
        "[{\"kind\":\"RENT_48H\",\"priceMinor\":19900,\"currency\":\"RUB\"},"
            + "{\"kind\":\"BUY\",\"priceMinor\":59900,\"currency\":\"RUB\"}]";

    HttpResponse<String> refused = call("POST", "/films", viewer, draft(title, offers));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(call("POST", "/films", null, draft(title, offers)).statusCode()).isEqualTo(401);

    HttpResponse<String> invalid =
        call(
            "POST",
            "/films",
            editor,
            draft(title, offers).replace("\"year\":2024", "\"year\":1700").replace("drama", "x"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).get("errors")).hasSize(2);
    // (Earlier runs' films share the word "Proverka": each run checks for its own title.)
    assertThat(titles(get("/films?q=" + q(title)), "titleEn"))
        .as("nothing was created")
        .doesNotContain(title);

    assertThat(call("POST", "/films", support, draft(title, offers)).statusCode())
        .as("support staff moderate reviews; they do not edit films")
        .isEqualTo(403);
    HttpResponse<String> created = call("POST", "/films", editor, draft(title, offers));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode film = JSON.readTree(created.body());
    String id = film.get("card").get("id").asString();
    assertThat(film.get("published").asBoolean()).isFalse();
    assertThat(call("GET", "/films/" + id, null, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/films/" + id, viewer, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/films/" + id, support, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/films/" + id, editor, null).statusCode()).isEqualTo(200);
    assertThat(titles(get("/films?q=" + q(title)), "titleEn")).doesNotContain(title);

    assertThat(
            call("PUT", "/films/" + id + "/publication", viewer, "{\"published\":true}", etagOf(id))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            call("PUT", "/films/" + id + "/publication", editor, "{\"published\":true}")
                .statusCode())
        .as("a change must name the version it was made against")
        .isEqualTo(400);
    String draftVersion = etagOf(id);
    assertThat(draftVersion).isEqualTo("\"1\"");
    HttpResponse<String> published =
        call("PUT", "/films/" + id + "/publication", editor, "{\"published\":true}", draftVersion);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(published.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(titles(get("/films?q=" + q(title)), "titleEn")).first().isEqualTo(title);
    long rentSku = get("/films/" + id).get("offers").get(0).get("sku").asLong();

    // Revising: the rent keeps its SKU with a new price, the purchase is withdrawn.
    String revisedOffers = "[{\"kind\":\"RENT_48H\",\"priceMinor\":9900,\"currency\":\"RUB\"}]";
    HttpResponse<String> stale =
        call("PUT", "/films/" + id, editor, draft(title + " X", revisedOffers), draftVersion);
    assertThat(stale.statusCode())
        .as("a revision made before the film was published would undo the publication")
        .isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).get("reason").asString()).isEqualTo("FILM_CHANGED");
    HttpResponse<String> revised =
        call("PUT", "/films/" + id, editor, draft(title + " II", revisedOffers), etagOf(id));
    assertThat(revised.statusCode()).isEqualTo(200);
    JsonNode after = get("/films/" + id);
    assertThat(after.get("card").get("titleEn").asString()).isEqualTo(title + " II");
    assertThat(after.get("offers")).hasSize(1);
    assertThat(after.get("offers").get(0).get("sku").asLong()).isEqualTo(rentSku);
    assertThat(after.get("offers").get(0).get("price").get("minorUnits").asLong()).isEqualTo(9900);
  }

  @Test
  void ofAPublicationAndARevisionMadeAtOnceAgainstOneVersionExactlyOneIsApplied() throws Exception {
    for (int round = 0; round < 5; round++) {
      String title = "Race " + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<String> created = call("POST", "/films", editor, draft(title, "[]"));
      String id = JSON.readTree(created.body()).get("card").get("id").asString();
      String version = created.headers().firstValue("ETag").orElseThrow();
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<HttpResponse<String>> publish =
          CompletableFuture.supplyAsync(
              () -> {
                await(go);
                return send(
                    "PUT", "/films/" + id + "/publication", "{\"published\":true}", version);
              });
      CompletableFuture<HttpResponse<String>> revise =
          CompletableFuture.supplyAsync(
              () -> {
                await(go);
                return send("PUT", "/films/" + id, draft(title + " II", "[]"), version);
              });
      go.countDown();

      List<Integer> statuses = List.of(publish.get().statusCode(), revise.get().statusCode());
      assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
      JsonNode stored = JSON.readTree(call("GET", "/films/" + id, editor, null).body());
      assertThat(stored.get("version").asLong()).isEqualTo(2);
      boolean publishWon = publish.get().statusCode() == 200;
      assertThat(stored.get("published").asBoolean()).isEqualTo(publishWon);
      assertThat(stored.get("card").get("titleEn").asString())
          .as("the losing change left nothing behind")
          .isEqualTo(publishWon ? title : title + " II");
    }
  }

  private static void await(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(String method, String path, String body, String tag) {
    try {
      return call(method, path, editor, body, tag);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void ratingsAndLikesFollowUgcEventsAndIgnoreReplays() throws Exception {
    String title = "Reception " + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = call("POST", "/films?publish=true", editor, draft(title, "[]"));
    String id = JSON.readTree(created.body()).get("card").get("id").asString();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
            new StringSerializer(),
            new StringSerializer())) {
      String topic = UgcEventsListener.TOPIC;
      producer.send(new ProducerRecord<>(topic, id, event(id, 3, 2, 7.5, 1)));
      producer.send(new ProducerRecord<>(topic, id, "not json"));
      producer.send(new ProducerRecord<>(topic, id, event(id, 5, 4, 8.0, 3)));
      producer.send(new ProducerRecord<>(topic, id, event(id, 99, 99, 1.0, 2))); // late
      producer.send(new ProducerRecord<>(topic, id, "poison " + id)); // and last
      producer.flush();
    }
    // the last poison parked in the dead-letter topic: everything before it was consumed
    ConsumerRecord<String, byte[]> parked =
        TopicReader.awaitRecord(
            kafka,
            PlatformKafkaAutoConfiguration.deadLetterTopic(UgcEventsListener.TOPIC),
            r -> new String(r.value(), StandardCharsets.UTF_8).equals("poison " + id),
            Duration.ofSeconds(30));
    assertThat(
            new String(
                parked.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(UnreadableRecord.class.getName());
    JsonNode card = get("/films/" + id).get("card");
    assertThat(card.get("likeCount").asLong()).isEqualTo(5);
    assertThat(card.get("ratingCount").asLong()).isEqualTo(4);
    assertThat(card.get("averageRating").asDouble()).isEqualTo(8.0);
  }

  private static String event(String filmId, long likes, long ratings, double average, long v) {
    return """
        {"event_id":"%s","type":"rated","film_id":"%s","like_count":%d,"rating_count":%d,
         "rating_sum":0,"average_rating":%s,"version":%d}
        """
        .formatted(UUID.randomUUID(), filmId, likes, ratings, average, v);
  }

  @Test
  void otherServicesReadProductsAndFilmsOverGrpc() throws Exception {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      Metadata metadata = new Metadata();
      metadata.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + viewer);
      var stub =
          CatalogServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));

      List<Long> skus =
          stub.listSkus(ListSkusRequest.newBuilder().setCount(5).build()).getSkusList();
      assertThat(skus).hasSize(5).isSorted();
      List<Long> next =
          stub.listSkus(
                  ListSkusRequest.newBuilder().setStartAfterSku(skus.get(4)).setCount(5).build())
              .getSkusList();
      assertThat(next.getFirst()).isGreaterThan(skus.get(4));

      GetProductResponse product =
          stub.getProduct(GetProductRequest.newBuilder().setSku(skus.getFirst()).build());
      assertThat(product.getName()).contains(" — ");
      assertThat(product.getPrice().getCurrency()).isEqualTo("RUB");
      assertThat(product.getKind()).isNotEqualTo(OfferKind.OFFER_KIND_UNSPECIFIED);

      assertThatThrownBy(
              () -> stub.getProduct(GetProductRequest.newBuilder().setSku(999_999_999L).build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
      assertThatThrownBy(
              () ->
                  CatalogServiceGrpc.newBlockingStub(channel)
                      .getProduct(GetProductRequest.newBuilder().setSku(skus.getFirst()).build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

      String nosferatu = get("/films?q=nosferatu").get("items").get(0).get("id").asString();
      String metropolis = get("/films?q=metropolis").get("items").get(0).get("id").asString();
      var films =
          stub.getFilms(
                  GetFilmsRequest.newBuilder()
                      .addFilmIds(metropolis)
                      .addFilmIds(UUID.randomUUID().toString())
                      .addFilmIds(nosferatu)
                      .build())
              .getFilmsList();
      assertThat(films).extracting(f -> f.getTitleEn()).containsExactly("Metropolis", "Nosferatu");
      JsonNode cards =
          get("/cards?id=" + nosferatu + "&id=" + UUID.randomUUID() + "&id=" + metropolis);
      assertThat(cards).hasSize(2);
      assertThat(cards.get(0).get("titleEn").asString()).isEqualTo("Nosferatu");
      assertThat(films.getFirst().getPosterPath()).endsWith("/films/" + metropolis + "/poster");
      assertThatThrownBy(
              () -> stub.getFilms(GetFilmsRequest.newBuilder().addFilmIds("nope").build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void postersAreCacheableAndVideosStreamInRanges() throws Exception {
    String id = get("/films?q=metropolis").get("items").get(0).get("id").asString();

    HttpResponse<byte[]> poster =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/films/" + id + "/poster")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(poster.statusCode()).isEqualTo(200);
    assertThat(poster.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(new String(poster.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    String etag = poster.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/films/" + id + "/poster"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);

    HttpResponse<byte[]> whole =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/films/" + id + "/video")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(new String(whole.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");

    HttpResponse<byte[]> range =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/films/" + id + "/video"))
                .header("Range", "bytes=100-199")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range"))
        .hasValue("bytes 100-199/" + whole.body().length);
    assertThat(range.body()).containsExactly(java.util.Arrays.copyOfRange(whole.body(), 100, 200));

    assertThat(call("GET", "/films/" + UUID.randomUUID() + "/video", null, null).statusCode())
        .isEqualTo(404);
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(catalog))
        .containsExactly(
            "GET /cards",
            "GET /films",
            "GET /films/{id}",
            "GET /films/{id}/poster",
            "GET /films/{id}/video",
            "GET /genres");
    assertThat(PublicEndpoints.grpcMethods(catalog)).as("gRPC methods without a caller").isEmpty();
  }
}
