package io.kinobezdna.launcher;

import io.kinobezdna.auth.adapter.in.startup.AccountsSeeder;
import io.kinobezdna.auth.application.command.EnsureAccounts;
import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.DevstackException;
import io.kinobezdna.devstack.DevstackMain;
import io.kinobezdna.devstack.ManagedProcess;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.devstack.components.Zipkin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Java side of {@code ./kb}: {@code up [--separate] [--no-tracing] [service…]}, {@code status},
 * {@code down}, {@code infra start|stop|status}, and {@code run-service} (one service in this JVM,
 * as {@code --separate} starts them). KB_HOME, KB_PORT_BASE and KB_GATEWAY_PORT choose the home and
 * the ports.
 */
public final class Kb {

  static final String PLATFORM_PID = "platform";
  static final String LOGBACK_CONFIG = "logback.configurationFile";

  private final StackHome home;
  private final int gatewayPort;
  private final PrintStream out;

  Kb(StackHome home, int gatewayPort, PrintStream out) {
    this.home = home;
    this.gatewayPort = gatewayPort;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // One logging system for the JVM (kb-logback.xml), not one per Spring application.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    if (System.getProperty(LOGBACK_CONFIG) == null) {
      System.setProperty(LOGBACK_CONFIG, "kb-logback.xml");
    }
    // gRPC, OpenTelemetry's exporters and the JDK log through java.util.logging: into the same
    // files as everything else, not onto the console
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    String command = args.length == 0 ? "" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    if (command.equals("infra")) {
      DevstackMain.main(rest.toArray(String[]::new));
      return;
    }
    if (command.equals("run-service") && !rest.isEmpty()) {
      new SpringApplicationBuilder(ServiceCatalog.byName(rest.getFirst()).application())
          .run(rest.subList(1, rest.size()).toArray(String[]::new));
      return;
    }
    String port = System.getenv("KB_GATEWAY_PORT");
    Kb kb =
        new Kb(
            DevstackMain.fromEnvironment(),
            port == null ? 8080 : Integer.parseInt(port),
            System.out);
    int exitCode;
    try {
      exitCode =
          switch (command) {
            case "up" -> kb.upUntilSignalled(rest);
            case "status" -> kb.status() ? 0 : 1;
            case "down" -> kb.down();
            default -> {
              System.err.println(
                  "usage: kb up [--separate] [--no-tracing] [service…] | status | down | infra start|stop|status"
                      + " | run-service NAME");
              yield 2;
            }
          };
    } catch (DevstackException | IllegalArgumentException | IllegalStateException e) {
      System.err.println("kb: " + e.getMessage());
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  private void say(String line) {
    out.println("[kb] " + line);
  }

  /** {@code up}, stopped by Ctrl-C / SIGTERM: the shutdown hook waits until all is stopped. */
  private int upUntilSignalled(List<String> args) throws InterruptedException, IOException {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.countDown();
                  try {
                    stopped.await(2, TimeUnit.MINUTES);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    try {
      return up(args, stopRequested);
    } finally {
      stopped.countDown();
    }
  }

  /** The demo accounts auth creates, when auth runs (their password is this home's secret). */
  static String demoLogins(PlatformPlan plan, List<ServiceDefinition> services) {
    if (services.stream().noneMatch(s -> s.name().equals(ServiceCatalog.AUTH))) {
      return "";
    }
    StringBuilder logins =
        new StringBuilder("%n  Demo logins (password %s)%n".formatted(plan.demoPassword()));
    for (EnsureAccounts.SeedAccount account : AccountsSeeder.DEMO_ACCOUNTS) {
      logins.append("    %-26s %s%n".formatted(account.email(), account.displayName()));
    }
    return logins.toString();
  }

  /** Starts the platform, prints where it is, runs until {@code stopRequested}, stops it. */
  int up(List<String> args, CountDownLatch stopRequested) throws InterruptedException, IOException {
    boolean separate = args.contains("--separate");
    List<String> names = args.stream().filter(a -> !a.startsWith("--")).toList();
    PlatformPlan plan =
        args.contains("--no-tracing")
            ? new PlatformPlan(home, gatewayPort).withoutTracing()
            : new PlatformPlan(home, gatewayPort);
    List<ServiceDefinition> services = ServiceCatalog.select(names);
    ServiceRunner runner =
        separate ? new SeparateJvmServiceRunner(home, plan) : new InJvmServiceRunner();
    Path pidFile = home.pidFile(PLATFORM_PID);
    ManagedProcess.writePidFile(ProcessHandle.current(), pidFile);
    long began = System.nanoTime();
    try (Platform platform =
        new Platform(new Devstack(home, line -> say("infra  " + line)), runner, this::say)) {
      platform.start(plan, services);
      say("platform ready in %.1f s".formatted((System.nanoTime() - began) / 1e9));
      out.printf(
          """

            Site           http://localhost:%1$d/
            Mobile app     http://localhost:%1$d/m/
            Status         http://localhost:%1$d/status
            Traces         %5$s
            Services       %2$s
            Data and logs  %3$s  (./kb logs <name>)
          %4$s
            Ctrl-C stops everything.
          %n""",
          gatewayPort,
          String.join(", ", services.stream().map(ServiceDefinition::name).toList()),
          home.root(),
          demoLogins(plan, services),
          plan.tracing() ? Zipkin.uiUrl(home.ports()) : "off (--no-tracing)");
      stopRequested.await();
    } finally {
      Files.deleteIfExists(pidFile);
      say("stopped");
    }
    return 0;
  }

  /** Prints infrastructure and services; true when everything is up. */
  boolean status() {
    boolean infraUp = DevstackMain.printStatus(new Devstack(home, line -> {}).status(), out);
    PlatformPlan plan = new PlatformPlan(home, gatewayPort);
    boolean servicesUp = true;
    out.printf("%n%-10s %-6s %s%n", "service", "state", "url");
    for (ServiceDefinition service : ServiceCatalog.ALL) {
      boolean up = Readiness.isReady(plan.managementUrl(service));
      servicesUp &= up;
      out.printf("%-10s %-6s %s%n", service.name(), up ? "up" : "down", plan.baseUrl(service));
    }
    return infraUp && servicesUp;
  }

  /** Stops a platform started by `./kb up` elsewhere, then every server of this home. */
  int down() {
    ManagedProcess.fromPidFile(home.pidFile(PLATFORM_PID))
        .ifPresent(
            process -> {
              say("stopping the platform (pid " + process.pid() + ")…");
              process.stop(Duration.ofSeconds(90));
            });
    new Devstack(home, line -> say("infra  " + line)).stop(List.of());
    say("down");
    return 0;
  }
}
