package io.kinobezdna.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackHomeTest {

  @TempDir Path dir;

  @Test
  void secretsAreGeneratedOnceAndKeptAcrossRestarts() {
    StackHome first = new StackHome(dir, dir, PortPlan.TEST);
    String secret = first.secret("s3.secret-key");

    assertThat(secret).hasSize(32).matches("[0-9a-f]+");
    assertThat(new StackHome(dir, dir, PortPlan.TEST).secret("s3.secret-key")).isEqualTo(secret);
    assertThat(first.secret("other")).isNotEqualTo(secret);
  }

  @Test
  void eachComponentGetsItsOwnFolders() {
    StackHome home = new StackHome(dir, dir, PortPlan.TEST);

    assertThat(home.dataDir("kafka")).isDirectory().isEqualTo(dir.resolve("data/kafka"));
    assertThat(home.confDir("kafka")).isDirectory();
    assertThat(home.logFile("kafka")).isEqualTo(dir.resolve("logs/kafka.log"));
    assertThat(home.pidFile("kafka")).isEqualTo(dir.resolve("run/kafka.pid"));
    assertThat(home.bundleLib("kafka")).isEqualTo(dir.resolve("devstack/bundles/kafka/target/lib"));
    assertThat(Files.isDirectory(dir.resolve("run"))).isTrue();
  }
}
