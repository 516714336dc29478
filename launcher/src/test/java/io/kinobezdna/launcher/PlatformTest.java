package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinobezdna.devstack.Devstack;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

  @TempDir Path dir;

  /** Services that never finish stopping, as with their database already gone. */
  private static final class StuckServices implements ServiceRunner {
    final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void start(ServiceDefinition service, Map<String, String> properties) {}

    @Override
    public void close() {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void closingDoesNotWaitForeverForServicesThatDoNotStop() {
    StuckServices services = new StuckServices();
    List<String> progress = new CopyOnWriteArrayList<>();
    Platform platform =
        new Platform(
            new Devstack(new StackHome(dir, dir, PortPlan.TEST), line -> {}),
            services,
            progress::add,
            Duration.ofMillis(100));

    platform.close();

    assertThat(services.released.getCount()).as("the services are still stopping").isOne();
    assertThat(progress)
        .contains("stopping services…")
        .anyMatch(line -> line.startsWith("services did not stop within"));
    services.released.countDown();
  }
}
