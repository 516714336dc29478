package io.kinobezdna.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process we started, remembered in a pid file as {@code pid start-instant}. The start
 * instant guards against a recycled pid: a pid file only matches the process that wrote it, so a
 * later run never signals a stranger.
 */
public final class ManagedProcess {

  private final ProcessHandle handle;

  private ManagedProcess(ProcessHandle handle) {
    this.handle = handle;
  }

  public static ManagedProcess start(Launch launch, Path logFile, Path pidFile, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(launch.command());
    builder.environment().putAll(launch.environment());
    builder.directory(workDir.toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      Process process = builder.start();
      ProcessHandle handle = process.toHandle();
      writePidFile(handle, pidFile);
      return new ManagedProcess(handle);
    } catch (IOException e) {
      throw new DevstackException(
          "cannot start " + launch.command().getFirst() + ": " + e.getMessage(), e);
    }
  }

  /** Records a process as {@code pid start-instant}, the form {@link #fromPidFile} reads. */
  public static void writePidFile(ProcessHandle process, Path pidFile) throws IOException {
    Files.writeString(pidFile, process.pid() + " " + startInstant(process).orElse(Instant.EPOCH));
  }

  /** The process a pid file names, if that very process is still alive. */
  public static Optional<ManagedProcess> fromPidFile(Path pidFile) {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(pidFile).trim().split(" ");
      long pid = Long.parseLong(parts[0]);
      Instant recorded = parts.length > 1 ? Instant.parse(parts[1]) : Instant.EPOCH;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(h -> startInstant(h).map(recorded::equals).orElse(false))
          .map(ManagedProcess::new);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> startInstant(ProcessHandle handle) {
    return handle.info().startInstant();
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  public Optional<Duration> uptime() {
    return startInstant(handle).map(started -> Duration.between(started, Instant.now()));
  }

  /** Resident memory of the process and all its descendants, from /proc. */
  public long residentBytes() {
    long total = residentBytes(handle.pid());
    for (ProcessHandle child : handle.descendants().toList()) {
      total += residentBytes(child.pid());
    }
    return total;
  }

  private static long residentBytes(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kilobytes) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading: it holds no memory any more
    }
    return 0;
  }

  /**
   * Asks the process to stop (SIGTERM), waits for a clean shutdown, then kills what is left,
   * descendants included, so no server outlives the devstack.
   */
  public void stop(Duration grace) {
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
    }
    for (ProcessHandle child : descendants) {
      if (child.isAlive()) {
        child.destroy();
      }
    }
    for (ProcessHandle child : descendants) {
      try {
        child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        child.destroyForcibly();
      }
    }
  }
}
