package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A single Kafka 4 node in KRaft mode (broker and controller), replication factor 1. */
public final class Kafka implements InfraComponent {

  public static final String NAME = "kafka";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.KAFKA;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.kafka();
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String classpath = Executables.bundleClasspath(home, NAME);
    Path conf = home.confDir(NAME);
    Path data = home.dataDir(NAME);
    Path serverProperties = conf.resolve("server.properties");
    Files.writeString(serverProperties, serverProperties(home.ports(), data));
    Path log4j = conf.resolve("log4j2.properties");
    Files.writeString(log4j, LOG4J2);
    List<String> jvm = jvmOptions(classpath, log4j);
    if (!Files.exists(data.resolve("meta.properties"))) {
      List<String> format = new ArrayList<>(jvm);
      format.addAll(
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "--standalone",
              // one argument: an id may start with '-', which would read as an option
              "--cluster-id=" + clusterId(),
              "-c",
              serverProperties.toString()));
      Executables.runToCompletion(format, home.logFile(NAME));
    }
    List<String> command = new ArrayList<>(jvm);
    command.addAll(List.of("kafka.Kafka", serverProperties.toString()));
    return Launch.of(command);
  }

  private static List<String> jvmOptions(String classpath, Path log4j) {
    return List.of(
        Executables.current(),
        "-Xms128m",
        "-Xmx384m",
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + log4j,
        "-cp",
        classpath);
  }

  /** KRaft cluster ids are 16 random bytes in URL-safe base64 without padding. */
  private static String clusterId() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  static String serverProperties(PortPlan ports, Path data) {
    String broker = "127.0.0.1:" + ports.kafka();
    String controller = "127.0.0.1:" + ports.kafkaController();
    return String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.bootstrap.servers=" + controller,
            "listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
            "advertised.listeners=PLAINTEXT://" + broker + ",CONTROLLER://" + controller,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs=" + data,
            "num.partitions=3",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=3",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "log.retention.hours=72",
            "")
        + "\n";
  }

  private static final String LOG4J2 =
      """
      status = warn
      appender.console.type = Console
      appender.console.name = STDOUT
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
      rootLogger.level = warn
      rootLogger.appenderRef.stdout.ref = STDOUT
      logger.kafka.name = kafka
      logger.kafka.level = info
      logger.server.name = org.apache.kafka.server
      logger.server.level = info
      """;
}
