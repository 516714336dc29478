package io.kinobezdna.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.platform.context.RequestContext;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real PostgreSQL and Kafka: writers commit events for ten keys concurrently while two relay
 * instances publish; every event arrives once, and each key's events arrive in commit order. A
 * failed send holds back only its own partition's later rows.
 */
class OutboxRelayIT {

  private static final int KEYS = 10;
  private static final int EVENTS_PER_KEY = 30;

  /** Small batches and short waits: the tests see several rounds in little time. */
  private static final OutboxProperties QUICK =
      new OutboxProperties(
          true, 50, Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofSeconds(10));

  private TestInfrastructure infra;
  private PGSimpleDataSource dataSource;
  private JdbcClient jdbc;
  private final String topic = "outbox-it-" + UUID.randomUUID();

  @BeforeEach
  void freshOutbox() {
    infra = TestInfrastructure.ensure("postgres", "kafka");
    Postgres.Database db = infra.postgres("outbox_it");
    // the relay works through pgbouncer, as in the services; migrations go to PostgreSQL directly
    dataSource = dataSource(db.pooledJdbcUrl(), db);
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource(db.jdbcUrl(), db))
            .locations(OutboxWriter.MIGRATIONS)
            .cleanDisabled(false)
            .load();
    flyway.clean();
    flyway.migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  private static PGSimpleDataSource dataSource(String url, Postgres.Database db) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(db.user());
    source.setPassword(db.password());
    return source;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** A key's events: odd keys one per transaction, even keys in pairs written by one statement. */
  private void writeEvents(int key, TransactionTemplate tx) {
    int step = key % 2 == 0 ? 2 : 1;
    for (int seq = 0; seq < EVENTS_PER_KEY; seq += step) {
      List<OutboxMessage> messages = new ArrayList<>();
      for (int n = seq; n < Math.min(seq + step, EVENTS_PER_KEY); n++) {
        messages.add(message(key, n));
      }
      tx.executeWithoutResult(status -> new OutboxWriter(jdbc).append(messages));
    }
  }

  private OutboxMessage message(int key, int seq) {
    return new OutboxMessage(
        UUID.randomUUID(),
        topic,
        "order-" + key,
        (key + ":" + seq).getBytes(StandardCharsets.UTF_8),
        Map.of("event-type", "test"));
  }

  @Test
  void everyEventArrivesOnceAndInCommitOrderPerKeyWithTwoRelays() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    RequestContext request =
        new RequestContext(
            "req-outbox", Optional.of("user-5"), Optional.of("secret-token"), Optional.empty());
    W3cTracing tracing = new W3cTracing();
    io.micrometer.tracing.Span checkout = tracing.tracer().nextSpan().name("checkout").start();
    try (var inScope = tracing.tracer().withSpan(checkout)) {
      request.run(
          () ->
              tx.executeWithoutResult(
                  status ->
                      new OutboxWriter(jdbc, tracing.tracer(), tracing.propagator())
                          .append(message(99, 0))));
    } finally {
      checkout.end();
    }

    try (OutboxRelay first = new OutboxRelay(dataSource, producer(), QUICK);
        OutboxRelay second = new OutboxRelay(dataSource, producer(), QUICK);
        ExecutorService writers = Executors.newFixedThreadPool(5)) {
      first.start();
      second.start();
      List<Future<?>> writing = new ArrayList<>();
      for (int key = 0; key < KEYS; key++) {
        int k = key;
        writing.add(writers.submit(() -> writeEvents(k, tx)));
      }
      for (Future<?> f : writing) {
        f.get();
      }
      List<ConsumerRecord<String, byte[]>> records =
          consume(KEYS * EVENTS_PER_KEY + 1, Duration.ofSeconds(60));

      Map<String, List<Integer>> sequences = new HashMap<>();
      Set<String> eventIds = new HashSet<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        eventIds.add(
            new String(
                record.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER).value(),
                StandardCharsets.UTF_8));
        String[] payload = new String(record.value(), StandardCharsets.UTF_8).split(":");
        sequences
            .computeIfAbsent(record.key(), k -> new ArrayList<>())
            .add(Integer.parseInt(payload[1]));
        assertThat(
                new String(
                    record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
            .isEqualTo("test");
      }
      assertThat(records).hasSize(KEYS * EVENTS_PER_KEY + 1);
      assertThat(eventIds).hasSize(records.size());
      for (int key = 0; key < KEYS; key++) {
        assertThat(sequences.get("order-" + key))
            .as("events of order-%d in commit order", key)
            .isSorted()
            .hasSize(EVENTS_PER_KEY);
      }
      ConsumerRecord<String, byte[]> withContext =
          records.stream().filter(r -> r.key().equals("order-99")).findFirst().orElseThrow();
      assertThat(
              new String(
                  withContext.headers().lastHeader("x-request-id").value(), StandardCharsets.UTF_8))
          .isEqualTo("req-outbox");
      assertThat(withContext.headers().lastHeader("x-caller-id")).isNotNull();
      assertThat(withContext.headers().lastHeader("authorization"))
          .as("tokens are never stored")
          .isNull();
      assertThat(
              new String(
                  withContext.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
          .as("the event carries the trace of the change that raised it")
          .startsWith(
              "00-" + checkout.context().traceId() + "-" + checkout.context().spanId() + "-");
    }
    assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
  }

  @Test
  void whenKafkaIsAwayARoundGivesItsConnectionBackWithinItsDeadline() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    writeEvents(1, tx);
    int nothingListens;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nothingListens = free.getLocalPort();
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nothingListens);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);
    try (KafkaProducer<String, byte[]> away =
            new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        OutboxRelay relay =
            new OutboxRelay(
                dataSource,
                away,
                new OutboxProperties(
                    true,
                    50,
                    Duration.ofMillis(20),
                    Duration.ofMillis(5),
                    Duration.ofSeconds(1)))) {
      long started = System.nanoTime();
      var round = CompletableFuture.supplyAsync(relay::relayOnce);
      // the database answers others while the round waits for Kafka
      long queried = System.nanoTime();
      assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - queried)).isLessThan(Duration.ofSeconds(1));

      assertThat(round.get(10, TimeUnit.SECONDS)).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("deadline 1 s, plus one send's max.block.ms")
          .isLessThan(Duration.ofMillis(2500));
    }
    long waiting = jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
    assertThat(waiting).isEqualTo(EVENTS_PER_KEY);
  }

  @Test
  void aRolledBackTransactionLeavesNoEvent() {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      new OutboxWriter(jdbc).append(message(1, 0));
                      throw new IllegalStateException("business rule failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    try (OutboxRelay relay = new OutboxRelay(dataSource, producer(), QUICK)) {
      assertThat(relay.relayOnce()).isZero();
    }
  }

  @Test
  void aFailedSendHoldsBackOnlyTheRestOfItsPartition() {
    int failing = 1;
    int other =
        IntStream.range(2, 100)
            .filter(
                k -> OutboxWriter.partitionOf("order-" + k) != OutboxWriter.partitionOf("order-1"))
            .findFirst()
            .orElseThrow();
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    for (int seq = 0; seq < 3; seq++) {
      List<OutboxMessage> pair = List.of(message(failing, seq), message(other, seq));
      tx.executeWithoutResult(status -> new OutboxWriter(jdbc).append(pair));
    }
    // Kafka refuses the failing key's second event once
    MockProducer<String, byte[]> kafka = refusing(failing + ":1");

    try (OutboxRelay relay = new OutboxRelay(dataSource, kafka, QUICK)) {
      assertThat(relay.relayOnce())
          .as("the other key's three and the failing key's first")
          .isEqualTo(4);
      assertThat(
              jdbc.sql("select message_key from outbox_event order by id")
                  .query(String.class)
                  .list())
          .as("what waits for the next round")
          .containsExactly("order-" + failing, "order-" + failing);

      assertThat(relay.relayOnce()).isEqualTo(2);
    }
    assertThat(payloadsOf(kafka, failing))
        .as("after the failure the failing key's events are sent again in order")
        .containsExactly(failing + ":0", failing + ":1", failing + ":2");
    assertThat(payloadsOf(kafka, other)).containsExactly(other + ":0", other + ":1", other + ":2");
    assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
  }

  private static List<String> payloadsOf(MockProducer<String, byte[]> kafka, int key) {
    return kafka.history().stream()
        .filter(r -> r.key().equals("order-" + key))
        .map(OutboxRelayIT::payload)
        .toList();
  }

  /**
   * A producer that acknowledges records at once, except that in its first round (until the first
   * flush) it refuses the record with the given payload and the later ones of the same key, as an
   * idempotent producer fails what follows a failed batch in its partition.
   */
  private static MockProducer<String, byte[]> refusing(String payload) {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
      private boolean firstRound = true;
      private String refusedKey;

      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        if (firstRound && payload(record).equals(payload)) {
          refusedKey = record.key();
        }
        if (firstRound && record.key().equals(refusedKey)) {
          return CompletableFuture.failedFuture(new TimeoutException("broker unavailable"));
        }
        return super.send(record);
      }

      @Override
      public synchronized void flush() {
        super.flush();
        firstRound = false;
      }
    };
  }

  private static String payload(ProducerRecord<String, byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  @Test
  void messagesNeedATopicAndAKeyAndKeysKeepTheirPartition() {
    assertThatThrownBy(() -> new OutboxMessage(UUID.randomUUID(), "", "k", new byte[0], Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(OutboxWriter.partitionOf("order-1"))
        .isEqualTo(OutboxWriter.partitionOf("order-1"))
        .isBetween(0, OutboxWriter.PARTITIONS - 1);
  }

  private List<ConsumerRecord<String, byte[]>> consume(int expected, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // anything beyond the expected count would be a duplicate: give it a moment to show up
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
