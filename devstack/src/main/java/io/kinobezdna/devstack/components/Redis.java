package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.util.List;

/** Debian's redis-server, loopback only, snapshots in the home's data folder. */
public final class Redis implements InfraComponent {

  public static final String NAME = "redis";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProbeKind probeKind() {
    return ProbeKind.REDIS;
  }

  @Override
  public int port(PortPlan ports) {
    return ports.redis();
  }

  @Override
  public Launch prepare(StackHome home) {
    String redis = Executables.program("/usr/bin/redis-server", "redis-server");
    return Launch.of(
        List.of(
            redis,
            "--port",
            Integer.toString(port(home.ports())),
            "--bind",
            "127.0.0.1",
            "--dir",
            home.dataDir(NAME).toString(),
            "--daemonize",
            "no",
            "--save",
            "60 1000",
            "--appendonly",
            "no",
            "--maxmemory",
            "256mb",
            "--logfile",
            ""));
  }
}
