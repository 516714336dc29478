package io.kinobezdna.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.domain.Cart;
import io.kinobezdna.cart.domain.CartLine;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.contracts.common.v1.Money;
import io.kinobezdna.orders.OrdersApplication;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cart and the real orders service on the real PostgreSQL, Redis and Kafka, over the Route256
 * HTTP contract. Catalog answers from a stand-in with a latency the tests set; every catalog call
 * goes through the Redis-shared rate limit.
 */
class CartIT {

  static final long RENT = 11;

  /** Twenty million roubles: three of them overflow 32 bits of kopecks. */
  static final long LUXURY = 12;

  // a new premiere SKU on every run: the orders database outlives runs, and held seats stay held
  static final long TICKET = 1_000_000 + (System.nanoTime() & 0xffffff);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicLong catalogLatencyMillis = new AtomicLong();
  private static final ConcurrentLinkedQueue<Long> catalogCalls = new ConcurrentLinkedQueue<>();
  private static TestTokens tokens;
  private static Server catalog;
  private static ConfigurableApplicationContext orders;
  private static final List<ConfigurableApplicationContext> carts = new ArrayList<>();
  private static String base;
  private static TestInfrastructure infra;

  record User(String id, String token) {}

  @BeforeAll
  static void start() throws Exception {
    infra = TestInfrastructure.ensure("postgres", "kafka", "redis");
    tokens = new TestTokens();
    catalog =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Catalog())
            .build()
            .start();
    orders =
        ServiceUnderTest.of(OrdersApplication.class, OrdersApplication.CONFIG_NAME)
            .database(infra.postgres("orders"))
            .kafka(infra)
            .tokensFrom(tokens)
            .grpcService("catalog", catalog.getPort())
            .property("kb.orders.premiere-seats", 3)
            .start();
    var cartDb = infra.postgres("cart");
    // three cart instances sharing one database and one rate limit, as three pods would
    for (int i = 0; i < 3; i++) {
      carts.add(
          ServiceUnderTest.of(CartApplication.class, CartApplication.CONFIG_NAME)
              .database(cartDb)
              .redis(infra)
              .tokensFrom(tokens)
              .grpcService("catalog", catalog.getPort())
              .grpcService("orders", ServiceUnderTest.grpcPort(orders))
              .start());
    }
    base = ServiceUnderTest.httpBase(carts.get(0));
  }

  @AfterAll
  static void stop() {
    carts.forEach(ConfigurableApplicationContext::close);
    orders.close();
    catalog.shutdownNow();
    tokens.close();
  }

  /**
   * Sells a rental (349.00 RUB) and a premiere ticket (450.00 RUB); answers after the set latency.
   */
  static final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {
    @Override
    public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> answer) {
      catalogCalls.add(System.nanoTime());
      try {
        Thread.sleep(catalogLatencyMillis.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long sku = request.getSku();
      if (sku == LUXURY) {
        answer.onNext(
            GetProductResponse.newBuilder()
                .setSku(sku)
                .setName("Metropolis — the studio's own print")
                .setPrice(Money.newBuilder().setMinorUnits(2_000_000_000L).setCurrency("RUB"))
                .setKind(OfferKind.OFFER_KIND_BUY)
                .setFilmId("film-1")
                .build());
        answer.onCompleted();
        return;
      }
      if (sku != RENT && sku != TICKET) {
        answer.onError(Status.NOT_FOUND.withDescription("no such SKU").asRuntimeException());
        return;
      }
      answer.onNext(
          GetProductResponse.newBuilder()
              .setSku(sku)
              .setName(sku == RENT ? "Metropolis — rent for 48 h" : "Metropolis — premiere ticket")
              .setPrice(
                  Money.newBuilder()
                      .setMinorUnits(sku == RENT ? 34_900 : 45_000)
                      .setCurrency("RUB"))
              .setKind(sku == RENT ? OfferKind.OFFER_KIND_RENT_48H : OfferKind.OFFER_KIND_TICKET)
              .setFilmId("film-1")
              .build());
      answer.onCompleted();
    }
  }

  static User newUser(String... roles) {
    String id = UUID.randomUUID().toString();
    return new User(id, tokens.tokenFor(id, "Buyer", roles));
  }

  static HttpResponse<String> call(User user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + user.token())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> add(User user, String owner, long sku, int count) throws Exception {
    return call(user, "POST", "/user/" + owner + "/cart/" + sku, "{\"count\": " + count + "}");
  }

  @Test
  void aCheckoutEmptiesTheCartOnlyAtTheVersionItOrdered() {
    CartRepository repository = carts.get(1).getBean(CartRepository.class);
    UUID user = UUID.randomUUID();
    Cart fresh = repository.find(user);
    assertThat(fresh.lines()).isEmpty();
    assertThat(fresh.version()).isZero();

    repository.add(user, 12, 1);
    repository.add(user, 11, 2);
    repository.add(user, 12, 1);
    Cart ordered = repository.find(user);
    // by SKU, counts added up, one version per change
    assertThat(ordered.lines()).containsExactly(new CartLine(11, 2), new CartLine(12, 2));
    assertThat(ordered.version()).isEqualTo(3);

    repository.add(user, 13, 1); // added while the checkout ran
    assertThat(repository.clearIfAt(user, ordered.version())).isFalse();
    Cart kept = repository.find(user);
    assertThat(kept.lines()).hasSize(3);

    assertThat(repository.clearIfAt(user, kept.version())).isTrue();
    Cart emptied = repository.find(user);
    assertThat(emptied.lines()).isEmpty();
    assertThat(emptied.version()).isEqualTo(kept.version() + 1);
  }

  @Test
  void theRoute256CartContract() throws Exception {
    User buyer = newUser();
    assertThat(call(buyer, "GET", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(404);
    // added the other way round: the contract lists lines by SKU, ascending
    assertThat(add(buyer, buyer.id(), TICKET, 1).statusCode()).isEqualTo(200);
    assertThat(add(buyer, buyer.id(), RENT, 2).statusCode()).isEqualTo(200);

    HttpResponse<String> list = call(buyer, "GET", "/user/" + buyer.id() + "/cart", null);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode cart = JSON.readTree(list.body());
    assertThat(cart.get("total_price").asLong()).isEqualTo(2 * 34_900 + 45_000);
    JsonNode first = cart.get("items").get(0);
    assertThat(first.get("sku").asString()).isEqualTo(Long.toString(RENT));
    assertThat(first.get("name").asString()).isEqualTo("Metropolis — rent for 48 h");
    assertThat(first.get("count").asInt()).isEqualTo(2);
    assertThat(first.get("price").asInt()).isEqualTo(34_900);
    assertThat(cart.get("items").get(1).get("sku").asString()).isEqualTo(Long.toString(TICKET));

    assertThat(call(buyer, "DELETE", "/user/" + buyer.id() + "/cart/" + RENT, null).statusCode())
        .isEqualTo(204);
    JsonNode after =
        JSON.readTree(call(buyer, "GET", "/user/" + buyer.id() + "/cart", null).body());
    assertThat(after.get("items").size()).isEqualTo(1);

    HttpResponse<String> checkout = call(buyer, "POST", "/checkout/" + buyer.id(), null);
    assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
    assertThat(JSON.readTree(checkout.body()).get("order_id").asString()).isNotBlank();
    assertThat(call(buyer, "GET", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(404);
    assertThat(call(buyer, "POST", "/checkout/" + buyer.id(), null).statusCode()).isEqualTo(404);
  }

  @Test
  void aTotalBeyondThirtyTwoBitsOfKopecksIsListedExactly() throws Exception {
    User buyer = newUser();
    assertThat(add(buyer, buyer.id(), LUXURY, 3).statusCode()).isEqualTo(200);

    HttpResponse<String> list = call(buyer, "GET", "/user/" + buyer.id() + "/cart", null);

    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode cart = JSON.readTree(list.body());
    assertThat(cart.get("total_price").asLong()).isEqualTo(6_000_000_000L);
    assertThat(cart.get("items").get(0).get("price").asLong()).isEqualTo(2_000_000_000L);
  }

  @Test
  void badInputUnknownSkusShortStockAndOtherUsersCartsAreRefused() throws Exception {
    User buyer = newUser();
    assertThat(add(buyer, buyer.id(), RENT, 0).statusCode()).isEqualTo(400);
    assertThat(add(buyer, buyer.id(), 0, 1).statusCode()).isEqualTo(400);
    assertThat(add(buyer, buyer.id(), 999, 1).statusCode()).isEqualTo(412);
    // three seats per premiere: four cannot be held by one cart
    assertThat(add(buyer, buyer.id(), TICKET, 3).statusCode()).isEqualTo(200);
    HttpResponse<String> more = add(buyer, buyer.id(), TICKET, 1);
    assertThat(more.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(more.body()).get("reason").asString()).isEqualTo("INSUFFICIENT_STOCK");

    User other = newUser();
    assertThat(call(other, "GET", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(403);
    assertThat(add(other, buyer.id(), RENT, 1).statusCode()).isEqualTo(403);
    assertThat(call(other, "DELETE", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(403);
    assertThat(call(other, "POST", "/checkout/" + buyer.id(), null).statusCode()).isEqualTo(403);
    assertThat(
            JSON.readTree(call(buyer, "GET", "/user/" + buyer.id() + "/cart", null).body())
                .get("items")
                .get(0)
                .get("count")
                .asInt())
        .isEqualTo(3);
    User admin = newUser("ADMIN");
    assertThat(call(admin, "GET", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(200);
    assertThat(call(buyer, "DELETE", "/user/" + buyer.id() + "/cart", null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void threeInstancesTogetherCallCatalogTenTimesASecond() throws Exception {
    catalogLatencyMillis.set(0);
    List<Thread> callers = new ArrayList<>();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    for (ConfigurableApplicationContext cart : carts) {
      ProductCatalog products = cart.getBean(ProductCatalog.class);
      for (int t = 0; t < 8; t++) {
        callers.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (System.nanoTime() - start < Duration.ofSeconds(6).toNanos()) {
                        RequestContext.newRequest().run(() -> products.product(RENT));
                        seen.add(System.nanoTime());
                      }
                    }));
      }
    }
    for (Thread caller : callers) {
      caller.join();
    }
    // the steady middle of the run: seconds 1 to 5
    long from = start + Duration.ofSeconds(1).toNanos();
    long to = start + Duration.ofSeconds(5).toNanos();
    long inWindow = seen.stream().filter(t -> t >= from && t < to).count();
    double perSecond = inWindow / 4.0;
    assertThat(perSecond).isBetween(9.0, 11.0);
  }

  @Test
  void aBurstOfSeventyRequestsWaitsForItsTurnsInsteadOfFailing() throws Exception {
    catalogLatencyMillis.set(600);
    try {
      List<CompletableFuture<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        User buyer = newUser();
        statuses.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return add(buyer, buyer.id(), RENT, 1).statusCode();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                r -> Thread.ofVirtual().start(r)));
      }
      Map<Integer, Long> byStatus =
          statuses.stream()
              .map(CompletableFuture::join)
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      s -> s, java.util.stream.Collectors.counting()));
      assertThat(byStatus).isEqualTo(Map.of(200, 70L));
    } finally {
      catalogLatencyMillis.set(0);
    }
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(carts.get(0))).isEmpty();
    assertThat(PublicEndpoints.grpcMethods(carts.get(0)))
        .as("gRPC methods without a caller")
        .isEmpty();
  }
}
