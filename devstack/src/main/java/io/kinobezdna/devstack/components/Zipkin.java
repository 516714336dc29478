package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.util.List;

/**
 * Zipkin's server: collects the services' spans ({@link #spansUrl}) and shows traces ({@link
 * #uiUrl}). Spans live in memory only — a trace store for development, gone with a restart.
 */
public final class Zipkin implements InfraComponent {

  public static final String NAME = "zipkin";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.HTTP;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.zipkin();
  }

  /** Where services send their spans (Zipkin's v2 JSON API). */
  public static String spansUrl(PortPlan ports) {
    return "http://127.0.0.1:" + ports.zipkin() + "/api/v2/spans";
  }

  public static String uiUrl(PortPlan ports) {
    return "http://127.0.0.1:" + ports.zipkin() + "/zipkin/";
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String jar = Executables.bundleJar(home, NAME, "zipkin-server").toString();
    return Launch.of(
        List.of(
            Executables.current(),
            "-Xms32m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar,
            // Armeria's list of ports replaces Zipkin's default one (0.0.0.0:9411): loopback only
            "--armeria.ports[0].ip=127.0.0.1",
            "--armeria.ports[0].port=" + port(home.ports()),
            "--armeria.ports[0].protocols[0]=http",
            "--zipkin.storage.type=mem",
            "--zipkin.storage.mem.max-spans=200000",
            "--logging.level.root=WARN"));
  }
}
