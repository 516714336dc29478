package io.kinobezdna.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the java executables, classpaths and programs servers run with. */
public final class Executables {

  private Executables() {}

  /** The JDK running the devstack itself (Temurin 25 for the platform). */
  public static String current() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Cassandra 5.0 does not run on JDK 25 ("Setting a system-wide Policy object…"): it needs 17. */
  public static String jdk17() {
    String fromEnv = System.getenv("KB_JDK17");
    Stream<Path> candidates =
        Stream.concat(
            Optional.ofNullable(fromEnv).map(Path::of).stream(),
            List.of(
                    "/usr/lib/jvm/java-17-openjdk-amd64",
                    "/usr/lib/jvm/temurin-17-jdk-amd64",
                    "/usr/lib/jvm/java-17-openjdk")
                .stream()
                .map(Path::of));
    return candidates
        .map(home -> home.resolve("bin/java"))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new DevstackException(
                    "Cassandra needs a JDK 17 and none was found. Install it with"
                        + " `apt-get install -y openjdk-17-jre-headless`, or point KB_JDK17 at one."));
  }

  /** The classpath of a server bundle, or a clear message if it was not built yet. */
  public static String bundleClasspath(StackHome home, String bundle) {
    return builtBundleLib(home, bundle) + "/*";
  }

  /** The jar of a built server bundle whose file name starts with {@code prefix}. */
  public static Path bundleJar(StackHome home, String bundle, String prefix) throws IOException {
    Path lib = builtBundleLib(home, bundle);
    try (Stream<Path> files = Files.list(lib)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new DevstackException("no " + prefix + "*.jar in " + lib));
    }
  }

  private static Path builtBundleLib(StackHome home, String bundle) {
    Path lib = home.bundleLib(bundle);
    if (!Files.isDirectory(lib)) {
      throw new DevstackException(
          "The "
              + bundle
              + " server bundle is not built ("
              + lib
              + " is missing). Run `./mvnw -q -f devstack/bundles/pom.xml package` (./kb up does it).");
    }
    return lib;
  }

  /** Runs a short-lived tool (storage formatting, initdb…) to completion, output to the log. */
  public static void runToCompletion(List<String> command, Path logFile) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    try {
      if (process.waitFor() != 0) {
        throw new DevstackException(
            String.join(" ", command.subList(0, Math.min(3, command.size())))
                + "… failed; see "
                + logFile);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevstackException("interrupted while running " + command.getFirst(), e);
    }
  }

  /** Finds a program from a Debian package, or says which package to install. */
  public static String program(String path, String debianPackage) {
    if (Files.isExecutable(Path.of(path))) {
      return path;
    }
    throw new DevstackException(
        path
            + " not found. Install it with `apt-get update && apt-get install -y "
            + debianPackage
            + "` (./kb installs missing packages itself when run as root).");
  }
}
