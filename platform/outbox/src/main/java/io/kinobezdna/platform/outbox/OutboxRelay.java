package io.kinobezdna.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to Kafka and deletes them once acknowledged.
 *
 * <p>How order and several instances fit together: the outbox is split into {@link
 * OutboxWriter#PARTITIONS} partitions by key. A relay works on a partition only while it holds that
 * partition's transaction-scoped advisory lock, so one instance at a time publishes a partition, in
 * id order. A round takes every pending partition it can lock in one transaction and sends their
 * rows in one batch (the producer should be idempotent with acks=all, which keeps order within a
 * Kafka partition); of each partition only the rows before its first failed send are deleted, the
 * rest are sent again next round. Delivery is therefore at least once: consumers de-duplicate by
 * the {@code event-id} header.
 *
 * <p>Why a round is one transaction and a busy relay pauses between rounds: each round costs a
 * database transaction, a produce request and, downstream, a consumer fetch and its transaction,
 * whatever the number of events in it. Under steady load, rounds back to back would carry a handful
 * of events each; a short pause after a round that was not full lets events gather, so the same
 * traffic takes far fewer rounds for a few milliseconds of delivery delay. A full round is followed
 * at once by the next, so a backlog drains at full speed.
 *
 * <p>Why a round has a deadline ({@code sendTimeout}): its transaction holds a pooled database
 * connection (and, behind pgbouncer, a server connection) while Kafka answers. When Kafka is away,
 * a round stops handing rows to the producer at the deadline and counts every answer not back by
 * then as a failed send, so the connection is back in the pool within the deadline (plus one
 * producer {@code max.block.ms}) and the rows wait in the outbox for a later round.
 */
public final class OutboxRelay implements AutoCloseable {

  public static final String EVENT_ID_HEADER = "event-id";

  /** First key of the two-int advisory locks this relay takes (second: the partition). */
  static final int LOCK_SPACE = 0x6b62; // "kb"

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final int batchSize;
  private final Duration pollInterval;
  private final Duration gatherPause;
  private final Duration sendTimeout;
  private volatile boolean running;
  private boolean ownsProducer;
  private Thread worker;

  public OutboxRelay(
      DataSource dataSource, Producer<String, byte[]> producer, OutboxProperties settings) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.batchSize = settings.batchSize();
    this.pollInterval = settings.pollInterval();
    this.gatherPause = settings.gatherPause();
    this.sendTimeout = settings.sendTimeout();
  }

  /**
   * A relay with its own producer for the given brokers: idempotent, acks=all (an event is sent
   * once and survives a broker loss), closed with the relay.
   */
  public static OutboxRelay toKafka(
      DataSource dataSource, String bootstrapServers, OutboxProperties settings) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    // a Kafka that is away costs a round at most this long per send, then its deadline
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    OutboxRelay relay = new OutboxRelay(dataSource, producer, settings);
    relay.ownsProducer = true;
    return relay;
  }

  /** Starts relaying in the background until {@link #close()}. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
  }

  private void loop() {
    while (running) {
      int published = 0;
      try {
        published = relayOnce();
      } catch (RuntimeException e) {
        log.warn("outbox relay round failed, retrying: {}", e.getMessage());
      }
      if (published < batchSize) {
        try {
          Thread.sleep(published == 0 ? pollInterval : gatherPause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One round: every pending partition this instance can lock, in one transaction; returns how many
   * events it published. Empty partitions cost nothing: one query finds the others first, so an
   * idle outbox is one small query per poll.
   */
  public int relayOnce() {
    List<Integer> pending = pendingPartitions();
    if (pending.isEmpty()) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int published = lockAndPublish(connection, pending);
        connection.commit();
        return published;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox round: " + e.getMessage(), e);
    }
  }

  private List<Integer> pendingPartitions() {
    List<Integer> partitions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select distinct partition from outbox_event");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        partitions.add(rs.getInt(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox partitions: " + e.getMessage(), e);
    }
    return partitions;
  }

  private int lockAndPublish(Connection connection, List<Integer> pending) throws SQLException {
    List<Integer> locked = lock(connection, pending);
    if (locked.isEmpty()) {
      return 0; // other instances are publishing them
    }
    // Rows in id order: a prefix of it is a prefix of each partition's rows, so per-key order
    // holds.
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    List<Sent> sent = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            """
            select id, partition, event_id, topic, message_key, payload, header_names, header_values
            from outbox_event where partition = any(?) order by id limit ?
            """)) {
      select.setArray(1, connection.createArrayOf("integer", locked.toArray()));
      select.setInt(2, batchSize);
      try (ResultSet rs = select.executeQuery()) {
        // past the deadline the rest stays for a later round (a prefix per partition still)
        while (System.nanoTime() < deadline && rs.next()) {
          sent.add(new Sent(rs.getLong("id"), rs.getInt("partition"), producer.send(record(rs))));
        }
      }
    }
    if (sent.isEmpty()) {
      return 0;
    }
    producer.flush();
    List<Long> acknowledged = acknowledged(sent, deadline);
    try (PreparedStatement delete =
        connection.prepareStatement("delete from outbox_event where id = any(?)")) {
      delete.setArray(1, connection.createArrayOf("bigint", acknowledged.toArray()));
      delete.executeUpdate();
    }
    return acknowledged.size();
  }

  /** The pending partitions whose advisory lock this transaction got (held until it ends). */
  private static List<Integer> lock(Connection connection, List<Integer> pending)
      throws SQLException {
    List<Integer> locked = new ArrayList<>();
    try (PreparedStatement lock =
        connection.prepareStatement(
            "select p from unnest(?) as p where pg_try_advisory_xact_lock(?, p)")) {
      lock.setArray(1, connection.createArrayOf("integer", pending.toArray()));
      lock.setInt(2, LOCK_SPACE);
      try (ResultSet rs = lock.executeQuery()) {
        while (rs.next()) {
          locked.add(rs.getInt(1));
        }
      }
    }
    return locked;
  }

  /** A row handed to the producer: its outbox id and partition, and Kafka's answer to come. */
  private record Sent(long id, int partition, Future<RecordMetadata> ack) {}

  private static ProducerRecord<String, byte[]> record(ResultSet rs) throws SQLException {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            rs.getString("topic"), rs.getString("message_key"), rs.getBytes("payload"));
    record
        .headers()
        .add(EVENT_ID_HEADER, rs.getString("event_id").getBytes(StandardCharsets.UTF_8));
    String[] names = (String[]) rs.getArray("header_names").getArray();
    String[] values = (String[]) rs.getArray("header_values").getArray();
    for (int i = 0; i < names.length; i++) {
      record.headers().add(names[i], values[i].getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  /**
   * The rows Kafka acknowledged, each partition's only up to its first failure: a later row of that
   * partition waits for the next round so it cannot overtake the failed one.
   */
  private static List<Long> acknowledged(List<Sent> sent, long deadline) {
    List<Long> acknowledged = new ArrayList<>();
    Set<Integer> failed = new HashSet<>();
    for (Sent row : sent) {
      if (failed.contains(row.partition())) {
        continue;
      }
      try {
        row.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(row.id());
      } catch (ExecutionException | TimeoutException e) {
        log.warn(
            "outbox send failed in partition {}, its later rows wait for the next round: {}",
            row.partition(),
            e instanceof ExecutionException failure
                ? failure.getCause().getMessage()
                : "no answer from Kafka in time");
        failed.add(row.partition());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return acknowledged;
  }

  @Override
  public synchronized void close() {
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (ownsProducer) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
