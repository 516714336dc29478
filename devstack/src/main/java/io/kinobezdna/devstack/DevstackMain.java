package io.kinobezdna.devstack;

import io.kinobezdna.devstack.Devstack.ComponentStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of the devstack, as {@code ./kb infra …} runs it: {@code start [names…]}, {@code
 * stop [names…]}, {@code status}. KB_HOME, KB_PORT_BASE and KB_ROOT choose the home, the ports and
 * the repository.
 */
public final class DevstackMain {

  private DevstackMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: devstack start|stop|status [component…]");
      System.exit(2);
    }
    Devstack devstack = new Devstack(fromEnvironment(), System.out::println);
    List<String> names = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "start" -> devstack.start(names);
        case "stop" -> devstack.stop(names);
        case "status" -> {
          if (!printStatus(devstack.status(), System.out)) {
            System.exit(1);
          }
        }
        default -> {
          System.err.println("unknown command: " + args[0]);
          System.exit(2);
        }
      }
    } catch (DevstackException e) {
      System.err.println("devstack: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The home, ports and repository chosen by KB_HOME, KB_PORT_BASE and KB_ROOT. */
  public static StackHome fromEnvironment() {
    String home = System.getenv("KB_HOME");
    String base = System.getenv("KB_PORT_BASE");
    String root = System.getenv("KB_ROOT");
    return new StackHome(
        home == null ? Path.of(System.getProperty("user.home"), ".kinobezdna") : Path.of(home),
        root == null ? Path.of("").toAbsolutePath() : Path.of(root),
        base == null ? PortPlan.DEVELOPMENT : new PortPlan(Integer.parseInt(base)));
  }

  /** Prints one line per component; true when all of them are up. */
  public static boolean printStatus(List<ComponentStatus> statuses, PrintStream out) {
    boolean allUp = true;
    out.printf(
        "%-10s %-6s %-6s %-8s %8s  %s%n", "component", "state", "port", "pid", "rss", "detail");
    for (ComponentStatus s : statuses) {
      allUp &= s.probe().up();
      out.printf(
          "%-10s %-6s %-6d %-8s %8s  %s%n",
          s.name(),
          s.probe().up() ? "up" : "down",
          s.port(),
          s.pid().map(String::valueOf).orElse("-"),
          s.residentBytes() == 0 ? "-" : (s.residentBytes() >> 20) + " MiB",
          s.probe().detail());
    }
    return allUp;
  }
}
