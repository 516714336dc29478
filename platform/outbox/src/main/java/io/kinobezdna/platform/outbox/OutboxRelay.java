package io.kinobezdna.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
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
 * id order. Rows are sent in one batch (the producer should be idempotent with acks=all, which
 * keeps order within a Kafka partition) and only the rows before the first failed send are deleted;
 * the rest are sent again on the next round. Delivery is therefore at least once: consumers
 * de-duplicate by the {@code event-id} header.
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
  private volatile boolean running;
  private boolean ownsProducer;
  private Thread worker;

  public OutboxRelay(
      DataSource dataSource,
      Producer<String, byte[]> producer,
      int batchSize,
      Duration pollInterval) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
  }

  /**
   * A relay with its own producer for the given brokers: idempotent, acks=all (an event is sent
   * once and survives a broker loss), closed with the relay.
   */
  public static OutboxRelay toKafka(DataSource dataSource, String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    OutboxRelay relay = new OutboxRelay(dataSource, producer, 200, Duration.ofMillis(200));
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
      if (published == 0) {
        try {
          Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One round over every partition that holds events and this instance can lock; returns how many
   * events it published. Empty partitions cost nothing: one query finds the others first, so an
   * idle outbox is one small query per poll, not a transaction per partition.
   */
  public int relayOnce() {
    List<Integer> pending = pendingPartitions();
    if (pending.isEmpty()) {
      return 0;
    }
    int published = 0;
    int first = ThreadLocalRandom.current().nextInt(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      published += relayPartition(pending.get((first + i) % pending.size()));
    }
    return published;
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

  private int relayPartition(int partition) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int published = lockAndPublish(connection, partition);
        connection.commit();
        return published;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox partition " + partition + ": " + e.getMessage(), e);
    }
  }

  private int lockAndPublish(Connection connection, int partition) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_SPACE);
      lock.setInt(2, partition);
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0; // another instance is publishing this partition
        }
      }
    }
    List<Long> ids = new ArrayList<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            """
            select id, event_id, topic, message_key, payload, header_names, header_values
            from outbox_event where partition = ? order by id limit ?
            """)) {
      select.setInt(1, partition);
      select.setInt(2, batchSize);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong("id"));
          sends.add(producer.send(record(rs)));
        }
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    producer.flush();
    int acknowledged = acknowledgedPrefix(sends);
    try (PreparedStatement delete =
        connection.prepareStatement("delete from outbox_event where id = any(?)")) {
      Array published = connection.createArrayOf("bigint", ids.subList(0, acknowledged).toArray());
      delete.setArray(1, published);
      delete.executeUpdate();
    }
    return acknowledged;
  }

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

  /** How many sends, from the first, Kafka acknowledged before the first failure. */
  private static int acknowledgedPrefix(List<Future<RecordMetadata>> sends) {
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get();
      } catch (ExecutionException e) {
        log.warn(
            "outbox send failed, {} of {} published this round: {}",
            i,
            sends.size(),
            e.getCause().getMessage());
        return i;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return i;
      }
    }
    return sends.size();
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
