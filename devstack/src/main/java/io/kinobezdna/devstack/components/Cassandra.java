package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A single Cassandra 5.0 node for the live counters. Runs on JDK 17 (5.0 does not start on 25),
 * with the module flags of Cassandra's own jvm17-server.options and a small heap.
 */
public final class Cassandra implements InfraComponent {

  public static final String NAME = "cassandra";
  public static final String DATACENTER = "datacenter1";

  /** From Cassandra's conf/jvm17-server.options: the JDK internals it reaches into. */
  private static final List<String> JPMS_FLAGS =
      List.of(
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.CASSANDRA;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.cassandraNative();
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(150);
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String java = Executables.jdk17();
    String classpath = Executables.bundleClasspath(home, NAME);
    Path jamm = Executables.bundleJar(home, NAME, "jamm-");
    Path conf = home.confDir(NAME);
    Path data = home.dataDir(NAME);
    Path yaml = conf.resolve("cassandra.yaml");
    Files.writeString(yaml, config(home.ports(), data));
    Path logback = conf.resolve("logback.xml");
    Files.writeString(logback, LOGBACK);

    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(
        List.of(
            "-Xms256m",
            "-Xmx256m",
            "-XX:MaxDirectMemorySize=256m",
            "-Xss512k",
            "-XX:+UseG1GC",
            "-XX:+ParallelRefProcEnabled",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-javaagent:" + jamm));
    command.addAll(JPMS_FLAGS);
    command.addAll(
        List.of(
            "-Dcassandra-foreground=yes",
            "-Dcassandra.config=file://" + yaml,
            "-Dcassandra.storagedir=" + data,
            "-Dcassandra.logdir=" + data.resolve("log"),
            "-Dcassandra.jmx.local.port=" + home.ports().cassandraJmx(),
            "-Dcassandra.ring_delay_ms=100",
            "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0",
            "-Dlogback.configurationFile=" + logback,
            "-cp",
            classpath,
            "org.apache.cassandra.service.CassandraDaemon"));
    return Launch.of(command);
  }

  static String config(PortPlan ports, Path data) {
    return """
        cluster_name: kinobezdna
        num_tokens: 1
        allocate_tokens_for_local_replication_factor: 1
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        listen_address: 127.0.0.1
        rpc_address: 127.0.0.1
        storage_port: %d
        native_transport_port: %d
        start_native_transport: true
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "127.0.0.1:%d"
        data_file_directories:
          - %s/data
        commitlog_directory: %s/commitlog
        saved_caches_directory: %s/saved_caches
        hints_directory: %s/hints
        cdc_raw_directory: %s/cdc_raw
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer
        concurrent_reads: 8
        concurrent_writes: 8
        concurrent_counter_writes: 8
        memtable_heap_space: 64MiB
        memtable_offheap_space: 64MiB
        key_cache_size: 16MiB
        counter_cache_size: 16MiB
        dynamic_snitch: false
        """
        .formatted(
            ports.cassandraStorage(),
            ports.cassandraNative(),
            ports.cassandraStorage(),
            data,
            data,
            data,
            data,
            data);
  }

  private static final String LOGBACK =
      """
      <configuration>
        <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{1} %msg%n</pattern></encoder>
        </appender>
        <root level="WARN"><appender-ref ref="STDOUT"/></root>
        <logger name="org.apache.cassandra.service.CassandraDaemon" level="INFO"/>
        <logger name="org.apache.cassandra.transport.Server" level="INFO"/>
      </configuration>
      """;
}
