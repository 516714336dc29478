package io.kinobezdna.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.contracts.orders.v1.OrderCreateRequest;
import io.kinobezdna.contracts.orders.v1.OrderItem;
import io.kinobezdna.contracts.orders.v1.OrdersServiceGrpc;
import io.kinobezdna.orders.application.command.CancelExpiredOrdersHandler;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders on the real PostgreSQL and Kafka, over the LOMS HTTP/JSON contract and over gRPC. Catalog
 * answers from a stand-in that sells a digital SKU and a premiere ticket.
 */
class OrdersIT {

  static final long RENT = 101;
  // new premiere SKUs on every run: the database outlives runs, and sold seats stay sold
  static final long TICKET = 1_000_000 + (System.nanoTime() & 0xffffff) * 2;
  static final long TICKET_B = TICKET + 1;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestTokens tokens;
  private static Server catalog;
  private static ConfigurableApplicationContext orders;
  private static String base;
  private static int grpcPort;
  private static String kafka;

  record User(String id, String token) {}

  @BeforeAll
  static void start() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres", "kafka");
    var db = infra.postgres("orders");
    kafka = infra.kafkaBootstrapServers();
    tokens = new TestTokens();
    catalog =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Catalog())
            .build()
            .start();
    orders =
        ServiceUnderTest.of(OrdersApplication.class, OrdersApplication.CONFIG_NAME)
            .database(db)
            .kafka(infra)
            .tokensFrom(tokens)
            .grpcService("catalog", catalog.getPort())
            .property("kb.orders.premiere-seats", 3)
            .property("kb.orders.expiry-sweep-interval", "1h")
            .start();
    base = ServiceUnderTest.httpBase(orders);
    grpcPort = ServiceUnderTest.grpcPort(orders);
  }

  @AfterAll
  static void stop() {
    orders.close();
    catalog.shutdownNow();
    tokens.close();
  }

  /** Sells RENT (digital) and two premiere tickets; every other SKU is unknown. */
  static final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {
    @Override
    public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> answer) {
      OfferKind kind =
          request.getSku() == RENT
              ? OfferKind.OFFER_KIND_RENT_48H
              : request.getSku() == TICKET || request.getSku() == TICKET_B
                  ? OfferKind.OFFER_KIND_TICKET
                  : null;
      if (kind == null) {
        answer.onError(Status.NOT_FOUND.withDescription("no such SKU").asRuntimeException());
        return;
      }
      answer.onNext(GetProductResponse.newBuilder().setSku(request.getSku()).setKind(kind).build());
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
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Bearer " + user.token());
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String create(User user, long sku, int count) throws Exception {
    HttpResponse<String> created =
        call(
            user,
            "POST",
            "/order/create",
            "{\"userId\":\"%s\",\"items\":[{\"sku\":%d,\"count\":%d}]}"
                .formatted(user.id(), sku, count));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return json(created).get("orderId").asString();
  }

  static String status(User user, String orderId) throws Exception {
    HttpResponse<String> info = call(user, "GET", "/order/info?orderId=" + orderId, null);
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    return json(info).get("status").asString();
  }

  static long stock(User user, long sku) throws Exception {
    HttpResponse<String> info = call(user, "GET", "/stock/info?sku=" + sku, null);
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    return Long.parseLong(json(info).get("count").asString());
  }

  @Test
  void anOrderIsReservedPaidAndItsStockSoldOverTheLomsContract() throws Exception {
    User buyer = newUser();
    long before = stock(buyer, TICKET_B);
    String orderId = create(buyer, TICKET_B, 2);

    HttpResponse<String> info = call(buyer, "GET", "/order/info?orderId=" + orderId, null);
    JsonNode body = json(info);
    assertThat(body.get("status").asString()).isEqualTo("awaiting payment");
    assertThat(body.get("userId").asString()).isEqualTo(buyer.id());
    assertThat(body.get("items").get(0).get("sku").asString()).isEqualTo(Long.toString(TICKET_B));
    assertThat(body.get("items").get(0).get("count").asInt()).isEqualTo(2);
    assertThat(stock(buyer, TICKET_B)).isEqualTo(before - 2);

    assertThat(call(buyer, "POST", "/order/pay", "{\"orderId\":\"" + orderId + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(status(buyer, orderId)).isEqualTo("paid");
    // paying again changes nothing; cancelling a paid order is refused
    assertThat(call(buyer, "POST", "/order/pay", "{\"orderId\":\"" + orderId + "\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> cancel =
        call(buyer, "POST", "/order/cancel", "{\"orderId\":\"" + orderId + "\"}");
    assertThat(cancel.statusCode()).isEqualTo(400);
    assertThat(cancel.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json(cancel).get("reason").asString()).isEqualTo("ORDER_PAID");
    assertThat(status(buyer, orderId)).isEqualTo("paid");
    assertThat(stock(buyer, TICKET_B)).isEqualTo(before - 2);
  }

  @Test
  void cancellingReleasesTheReservationAndACancelledOrderCannotBePaid() throws Exception {
    User buyer = newUser();
    String orderId = create(buyer, RENT, 1);
    assertThat(
            call(buyer, "POST", "/order/cancel", "{\"orderId\":\"" + orderId + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            call(buyer, "POST", "/order/cancel", "{\"orderId\":\"" + orderId + "\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> pay =
        call(buyer, "POST", "/order/pay", "{\"orderId\":\"" + orderId + "\"}");
    assertThat(pay.statusCode()).isEqualTo(400);
    assertThat(json(pay).get("reason").asString()).isEqualTo("ORDER_CANCELLED");
    assertThat(status(buyer, orderId)).isEqualTo("cancelled");
  }

  @Test
  void anOrderForMoreThanTheStockFailsAndHoldsNothing() throws Exception {
    User buyer = newUser();
    long before = stock(buyer, TICKET);
    HttpResponse<String> refused =
        call(
            buyer,
            "POST",
            "/order/create",
            "{\"userId\":\"%s\",\"items\":[{\"sku\":%d,\"count\":%d}]}"
                .formatted(buyer.id(), TICKET, before + 1));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("reason").asString()).isEqualTo("INSUFFICIENT_STOCK");
    assertThat(stock(buyer, TICKET)).isEqualTo(before);
    JsonNode list = json(call(buyer, "GET", "/user/" + buyer.id() + "/orders", null));
    assertThat(list.get("orders").get(0).get("status").asString()).isEqualTo("failed");
  }

  @Test
  void unlimitedSkusAndUnknownSkus() throws Exception {
    User buyer = newUser();
    JsonNode rent = json(call(buyer, "GET", "/stock/info?sku=" + RENT, null));
    assertThat(rent.get("unlimited").asBoolean()).isTrue();
    assertThat(rent.get("count").asString()).isEqualTo("4294967295");
    assertThat(call(buyer, "GET", "/stock/info?sku=999", null).statusCode()).isEqualTo(404);
    HttpResponse<String> unknown =
        call(
            buyer,
            "POST",
            "/order/create",
            "{\"userId\":\"%s\",\"items\":[{\"sku\":999,\"count\":1}]}".formatted(buyer.id()));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("reason").asString()).isEqualTo("UNKNOWN_SKU");
  }

  @Test
  void invalidInputIsRefusedWithOneViolationPerField() throws Exception {
    User buyer = newUser();
    HttpResponse<String> refused =
        call(
            buyer,
            "POST",
            "/order/create",
            "{\"userId\":\"nobody\",\"items\":[{\"sku\":\"0\",\"count\":0}]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json(refused).get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("user_id", "items[0].sku", "items[0].count");

    assertThat(call(buyer, "GET", "/order/info?orderId=abc", null).statusCode()).isEqualTo(400);
    assertThat(call(buyer, "POST", "/order/create", "{not json").statusCode()).isEqualTo(400);
    assertThat(call(buyer, "GET", "/order/info?orderId=1&colour=red", null).statusCode())
        .isEqualTo(400);
    assertThat(call(buyer, "DELETE", "/order/info", null).statusCode()).isEqualTo(405);
    assertThat(call(null, "GET", "/stock/info?sku=" + RENT, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aUserNeitherSeesNorChangesAnotherUsersOrders() throws Exception {
    User owner = newUser();
    User other = newUser();
    String orderId = create(owner, RENT, 1);
    assertThat(call(other, "GET", "/order/info?orderId=" + orderId, null).statusCode())
        .isEqualTo(404);
    assertThat(
            call(other, "POST", "/order/cancel", "{\"orderId\":\"" + orderId + "\"}").statusCode())
        .isEqualTo(404);
    assertThat(
            call(
                    other,
                    "POST",
                    "/order/create",
                    "{\"userId\":\"%s\",\"items\":[{\"sku\":%d,\"count\":1}]}"
                        .formatted(owner.id(), RENT))
                .statusCode())
        .isEqualTo(403);
    assertThat(call(other, "GET", "/user/" + owner.id() + "/orders", null).statusCode())
        .isEqualTo(403);
    assertThat(status(owner, orderId)).isEqualTo("awaiting payment");
    User admin = newUser("ADMIN");
    assertThat(status(admin, orderId)).isEqualTo("awaiting payment");
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameOrder() throws Exception {
    User buyer = newUser();
    String body =
        "{\"userId\":\"%s\",\"items\":[{\"sku\":%d,\"count\":1}],\"idempotencyKey\":\"cart-1\"}"
            .formatted(buyer.id(), RENT);
    String first = json(call(buyer, "POST", "/order/create", body)).get("orderId").asString();
    String second = json(call(buyer, "POST", "/order/create", body)).get("orderId").asString();
    assertThat(second).isEqualTo(first);
    assertThat(
            json(call(buyer, "GET", "/user/" + buyer.id() + "/orders", null)).get("orders").size())
        .isEqualTo(1);
  }

  @Test
  void unpaidOrdersExpireAfterTenMinutesAndReleaseTheirStock() throws Exception {
    User buyer = newUser();
    long before = stock(buyer, TICKET);
    String orderId = create(buyer, TICKET, 1);
    assertThat(stock(buyer, TICKET)).isEqualTo(before - 1);
    orders
        .getBean(JdbcClient.class)
        .sql("update orders set created_at = now() - interval '11 minutes' where id = :id")
        .param("id", Long.parseLong(orderId))
        .update();
    assertThat(orders.getBean(CancelExpiredOrdersHandler.class).handle()).isGreaterThanOrEqualTo(1);
    assertThat(status(buyer, orderId)).isEqualTo("cancelled");
    assertThat(stock(buyer, TICKET)).isEqualTo(before);
  }

  @Test
  void everyStatusChangeReachesKafkaInOrderWithAnEventId() throws Exception {
    User buyer = newUser();
    String orderId = create(buyer, RENT, 1);
    call(buyer, "POST", "/order/pay", "{\"orderId\":\"" + orderId + "\"}");
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> statuses = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("loms.order-events"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (statuses.size() < 3 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key().equals(orderId)) {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("order_id").asString()).isEqualTo(orderId);
            assertThat(event.get("moment").asString()).isNotBlank();
            statuses.add(event.get("status").asString());
            eventIds.add(
                new String(
                    record.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(statuses).containsExactly("new", "awaiting payment", "paid");
    assertThat(eventIds).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void grpcCallersGetInvalidArgumentWithFieldViolations() {
    User buyer = newUser();
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + buyer.token());
      var stub =
          OrdersServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
      assertThatThrownBy(
              () ->
                  stub.orderCreate(
                      OrderCreateRequest.newBuilder()
                          .setUserId(buyer.id())
                          .addItems(OrderItem.newBuilder().setSku(RENT).setCount(0))
                          .build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                BadRequest details =
                    StatusProto.fromThrowable(e).getDetailsList().stream()
                        .filter(d -> d.is(BadRequest.class))
                        .map(
                            d -> {
                              try {
                                return d.unpack(BadRequest.class);
                              } catch (Exception ex) {
                                throw new IllegalStateException(ex);
                              }
                            })
                        .findFirst()
                        .orElseThrow();
                assertThat(details.getFieldViolations(0).getField()).isEqualTo("items[0].count");
              });
      long id =
          stub.orderCreate(
                  OrderCreateRequest.newBuilder()
                      .setUserId(buyer.id())
                      .addItems(OrderItem.newBuilder().setSku(RENT).setCount(1))
                      .build())
              .getOrderId();
      assertThat(id).isPositive();
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void swaggerUiAndTheOpenApiDocumentAreServed() throws Exception {
    HttpResponse<String> document = call(null, "GET", "/openapi.json", null);
    assertThat(document.statusCode()).isEqualTo(200);
    JsonNode paths = json(document).get("paths");
    assertThat(paths.has("/order/create")).isTrue();
    assertThat(paths.get("/order/info").get("get").get("parameters").get(0).get("name").asString())
        .isEqualTo("orderId");
    HttpResponse<String> ui = call(null, "GET", "/swagger-ui/", null);
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui-bundle.js");
    assertThat(call(null, "GET", "/swagger-ui/swagger-ui-bundle.js", null).statusCode())
        .isEqualTo(200);
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(orders)).isEmpty();
    assertThat(PublicEndpoints.grpcMethods(orders)).as("gRPC methods without a caller").isEmpty();
  }
}
