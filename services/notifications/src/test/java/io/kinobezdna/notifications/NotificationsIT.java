package io.kinobezdna.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.notifications.adapter.in.kafka.OrderEventsListener;
import io.kinobezdna.notifications.application.command.ForgetHandledEventsHandler;
import io.kinobezdna.platform.kafka.PlatformKafkaAutoConfiguration;
import io.kinobezdna.platform.testkit.PublicEndpoints;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import io.kinobezdna.platform.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer on the real Kafka and PostgreSQL: events are produced the way the orders outbox
 * produces them (key = order id, event-id header), duplicates included, and the notifications are
 * read back over REST.
 */
class NotificationsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestTokens tokens;
  private static ConfigurableApplicationContext notifications;
  private static KafkaProducer<String, String> producer;
  private static String base;
  private static String kafka;

  @BeforeAll
  static void start() {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres", "kafka");
    var db = infra.postgres("notifications");
    kafka = infra.kafkaBootstrapServers();
    tokens = new TestTokens();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
    notifications =
        ServiceUnderTest.of(NotificationsApplication.class, NotificationsApplication.CONFIG_NAME)
            .database(db)
            .kafka(infra)
            .tokensFrom(tokens)
            .start();
    base = ServiceUnderTest.httpBase(notifications);
  }

  @AfterAll
  static void stop() {
    notifications.close();
    producer.close();
    tokens.close();
  }

  static void publish(UUID eventId, long orderId, String userId, String status) throws Exception {
    send(eventId, orderId, userId, status).get();
  }

  /** Sent without waiting: records sent together tend to reach the consumer in one poll. */
  static Future<RecordMetadata> send(UUID eventId, long orderId, String userId, String status) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "order_id", orderId,
                "status", status,
                "moment", Instant.now().toString(),
                "user_id", userId));
    ProducerRecord<String, String> record =
        new ProducerRecord<>("loms.order-events", Long.toString(orderId), body);
    record.headers().add("event-id", eventId.toString().getBytes(StandardCharsets.UTF_8));
    return producer.send(record);
  }

  static HttpResponse<String> get(String token, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode awaitNotifications(String token, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode page;
    do {
      page = JSON.readTree(get(token, "/notifications?limit=50").body());
      if (page.get("items").size() >= count) {
        return page;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return page;
  }

  @Test
  void eachStatusOfAnOrderIsNotifiedOnceAndInOrderDuplicatesChangeNothing() throws Exception {
    String user = UUID.randomUUID().toString();
    String token = tokens.tokenFor(user, "Buyer");
    long order = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    UUID created = UUID.randomUUID();
    UUID awaiting = UUID.randomUUID();
    UUID paid = UUID.randomUUID();
    publish(created, order, user, "new");
    publish(awaiting, order, user, "awaiting payment");
    publish(created, order, user, "new"); // redelivered, as after a crash
    // a duplicate within one batch, and one that comes in a later batch
    send(paid, order, user, "paid");
    send(paid, order, user, "paid");
    producer.flush();
    publish(paid, order, user, "paid");
    // a poison record between them, then one more status: all on the order's partition
    ProducerRecord<String, String> poison =
        new ProducerRecord<>(OrderEventsListener.TOPIC, Long.toString(order), "not an event");
    producer.send(poison).get();
    publish(UUID.randomUUID(), order, user, "delivered");

    // the last status arriving means everything before it on the partition was consumed
    JsonNode page = awaitNotifications(token, 4);
    List<String> texts = new ArrayList<>();
    page.get("items").forEach(n -> texts.add(n.get("text").asString()));
    // newest first
    assertThat(texts)
        .containsExactly(
            "order " + order + " is now delivered",
            "order " + order + " is now paid",
            "order " + order + " is now awaiting payment",
            "order " + order + " is now new");
    assertThat(page.get("unread").asLong()).isEqualTo(4);
    ConsumerRecord<String, byte[]> parked =
        TopicReader.awaitRecord(
            kafka,
            PlatformKafkaAutoConfiguration.deadLetterTopic(OrderEventsListener.TOPIC),
            r -> Long.toString(order).equals(r.key()),
            Duration.ofSeconds(30));
    assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
    long rows =
        notifications
            .getBean(JdbcClient.class)
            .sql("select count(*) from notifications where order_id = :order")
            .param("order", order)
            .query(Long.class)
            .single();
    assertThat(rows).isEqualTo(4);
  }

  @Test
  void aUserSeesOnlyTheirOwnAndMarksThemRead() throws Exception {
    String owner = UUID.randomUUID().toString();
    String ownerToken = tokens.tokenFor(owner, "Owner");
    String otherToken = tokens.tokenFor(UUID.randomUUID().toString(), "Other");
    long order = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    publish(UUID.randomUUID(), order, owner, "new");
    publish(UUID.randomUUID(), order, owner, "failed");
    JsonNode page = awaitNotifications(ownerToken, 2);
    assertThat(JSON.readTree(get(otherToken, "/notifications").body()).get("items").size())
        .isZero();

    String newest = page.get("items").get(0).get("id").asString();
    HttpResponse<String> marked =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/notifications/read"))
                .header("Authorization", "Bearer " + otherToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"upToId\":\"" + newest + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(marked.body()).get("marked").asInt()).isZero();
    assertThat(
            JSON.readTree(get(ownerToken, "/notifications/unread-count").body())
                .get("unread")
                .asLong())
        .isEqualTo(2);
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/notifications/read"))
            .header("Authorization", "Bearer " + ownerToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"upToId\":\"" + newest + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(
            JSON.readTree(get(ownerToken, "/notifications/unread-count").body())
                .get("unread")
                .asLong())
        .isZero();
    assertThat(get(ownerToken, "/notifications?before=-1").statusCode()).isEqualTo(400);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/notifications")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void handledEventIdsAreForgottenOnlyAfterTheyAreOld() {
    JdbcClient jdbc = notifications.getBean(JdbcClient.class);
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    jdbc.sql("insert into handled_events (event_id, handled_at) values (?, ?), (?, ?)")
        .params(
            old,
            Timestamp.from(Instant.now().minus(Duration.ofDays(31))),
            recent,
            Timestamp.from(Instant.now().minus(Duration.ofDays(29))))
        .update();

    int forgotten = notifications.getBean(ForgetHandledEventsHandler.class).handle();

    assertThat(forgotten).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("select event_id from handled_events where event_id in (?, ?)")
                .params(old, recent)
                .query(UUID.class)
                .list())
        .containsExactly(recent);
  }

  /** Anything not on this list needs a signed-in caller; a new public endpoint shows up here. */
  @Test
  void onlyTheDeclaredEndpointsArePublic() {
    assertThat(PublicEndpoints.of(notifications)).isEmpty();
  }
}
