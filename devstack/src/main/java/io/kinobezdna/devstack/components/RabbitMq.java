package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.ManagedProcess;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's RabbitMQ with the management, STOMP and Web-STOMP plugins. Started through the scripts
 * in /usr/lib/rabbitmq/bin, which run as the calling user (the /usr/sbin wrapper would switch to
 * the rabbitmq user). Its own epmd runs as a second managed process on a private port, so it can be
 * stopped by pid (an epmd started by the broker would outlive it).
 */
public final class RabbitMq implements InfraComponent {

  public static final String NAME = "rabbitmq";
  public static final String USER = "kinobezdna";
  private static final String EPMD = "rabbitmq-epmd";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.RABBITMQ;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.rabbitAmqp();
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String server =
        Executables.program("/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server erlang-base");
    String epmd = Executables.program("/usr/bin/epmd", "erlang-base");
    PortPlan ports = home.ports();
    Path conf = home.confDir(NAME);
    Path data = home.dataDir(NAME);
    Path erlangHome = Files.createDirectories(data.resolve("home"));
    Files.writeString(
        conf.resolve("rabbitmq.conf"), config(ports, home.secret("rabbitmq.password")));
    Files.writeString(
        conf.resolve("enabled_plugins"),
        "[rabbitmq_management,rabbitmq_stomp,rabbitmq_web_stomp].\n");
    if (ManagedProcess.fromPidFile(home.pidFile(EPMD)).isEmpty()) {
      ManagedProcess.start(
          Launch.of(
              List.of(epmd, "-port", Integer.toString(ports.epmd()), "-address", "127.0.0.1")),
          home.logFile(EPMD),
          home.pidFile(EPMD),
          data);
    }
    return new Launch(List.of(server), environment(home, conf, data, erlangHome));
  }

  static Map<String, String> environment(StackHome home, Path conf, Path data, Path erlangHome) {
    PortPlan ports = home.ports();
    return Map.ofEntries(
        Map.entry("HOME", erlangHome.toString()),
        Map.entry("ERL_EPMD_PORT", Integer.toString(ports.epmd())),
        Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"),
        Map.entry("RABBITMQ_NODENAME", "kinobezdna-" + ports.base() + "@localhost"),
        Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
        Map.entry("RABBITMQ_NODE_PORT", Integer.toString(ports.rabbitAmqp())),
        Map.entry("RABBITMQ_DIST_PORT", Integer.toString(ports.rabbitDistribution())),
        // the Erlang distribution port listens on every interface unless told otherwise
        Map.entry(
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"),
        Map.entry("RABBITMQ_CONFIG_FILE", conf.resolve("rabbitmq.conf").toString()),
        Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", conf.resolve("enabled_plugins").toString()),
        Map.entry("RABBITMQ_MNESIA_BASE", data.resolve("mnesia").toString()),
        Map.entry("RABBITMQ_LOG_BASE", data.resolve("log").toString()),
        Map.entry("RABBITMQ_LOGS", "-"),
        Map.entry("RABBITMQ_PID_FILE", data.resolve("rabbitmq.pid").toString()));
  }

  static String config(PortPlan ports, String password) {
    return String.join(
            "\n",
            "listeners.tcp.1 = 127.0.0.1:" + ports.rabbitAmqp(),
            "management.tcp.ip = 127.0.0.1",
            "management.tcp.port = " + ports.rabbitManagement(),
            "stomp.listeners.tcp.1 = 127.0.0.1:" + ports.rabbitStomp(),
            "web_stomp.tcp.ip = 127.0.0.1",
            "web_stomp.tcp.port = " + ports.rabbitWebStomp(),
            "default_user = " + USER,
            "default_pass = " + password,
            "default_user_tags.administrator = true",
            "loopback_users = none",
            "vm_memory_high_watermark.absolute = 512MiB",
            "disk_free_limit.absolute = 256MiB")
        + "\n";
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(90);
  }

  @Override
  public void stop(StackHome home, ManagedProcess process) {
    // SIGTERM makes the server script run `rabbitmqctl stop` for a clean shutdown.
    process.stop(Duration.ofSeconds(30));
    ManagedProcess.fromPidFile(home.pidFile(EPMD)).ifPresent(p -> p.stop(Duration.ofSeconds(5)));
  }
}
