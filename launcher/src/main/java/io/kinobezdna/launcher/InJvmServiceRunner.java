package io.kinobezdna.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every service as its own Spring application in this JVM (like Grafana Mimir's -target=all): own
 * context, own port, own configuration; they still talk to each other over the network only.
 */
public final class InJvmServiceRunner implements ServiceRunner {

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @Override
  public void start(ServiceDefinition service, Map<String, String> properties) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(service.application())
            .registerShutdownHook(false)
            .logStartupInfo(false)
            .run(asArguments(properties));
    synchronized (contexts) {
      contexts.add(context);
    }
  }

  /**
   * Command-line arguments outrank every other property source (the service's <service>.yaml and
   * environment variables included), so the launcher's ports and addresses always win.
   */
  private static String[] asArguments(Map<String, String> properties) {
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** Stops services in reverse start order: the gateway, started last, goes first. */
  @Override
  public void close() {
    synchronized (contexts) {
      for (int i = contexts.size() - 1; i >= 0; i--) {
        contexts.get(i).close();
      }
      contexts.clear();
    }
  }
}
