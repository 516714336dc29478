package io.kinobezdna.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

  @TempDir Path dir;

  @Test
  void aStartedProcessIsFoundAgainThroughItsPidFileAndStops() throws Exception {
    Path pidFile = dir.resolve("sleeper.pid");
    ManagedProcess started =
        ManagedProcess.start(
            Launch.of(List.of("sh", "-c", "echo hello; exec sleep 60")),
            dir.resolve("out.log"),
            pidFile,
            dir);

    ManagedProcess found = ManagedProcess.fromPidFile(pidFile).orElseThrow();
    assertThat(found.pid()).isEqualTo(started.pid());
    assertThat(found.residentBytes()).isPositive();
    assertThat(found.uptime()).isPresent();

    found.stop(Duration.ofSeconds(5));
    assertThat(started.isAlive()).isFalse();
    assertThat(ManagedProcess.fromPidFile(pidFile)).isEmpty();
    assertThat(Files.readString(dir.resolve("out.log"))).contains("hello");
  }

  @Test
  void aPidFileNamingAnotherProcessWithTheSamePidIsIgnored() throws Exception {
    Path pidFile = dir.resolve("stale.pid");
    long myPid = ProcessHandle.current().pid();
    Files.writeString(pidFile, myPid + " 2001-01-01T00:00:00Z");

    assertThat(ManagedProcess.fromPidFile(pidFile)).isEmpty();
    assertThat(ManagedProcess.fromPidFile(dir.resolve("missing.pid"))).isEmpty();
    Files.writeString(pidFile, "garbage");
    assertThat(ManagedProcess.fromPidFile(pidFile)).isEmpty();
  }

  @Test
  void stoppingAlsoStopsChildrenThatIgnoreTheParentsEnd() throws Exception {
    Path pidFile = dir.resolve("parent.pid");
    ManagedProcess parent =
        ManagedProcess.start(
            Launch.of(List.of("sh", "-c", "sleep 60 & sleep 60")),
            dir.resolve("p.log"),
            pidFile,
            dir);
    Thread.sleep(300);
    List<ProcessHandle> children =
        ProcessHandle.of(parent.pid()).orElseThrow().descendants().toList();
    assertThat(children).isNotEmpty();

    parent.stop(Duration.ofSeconds(5));

    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }
}
