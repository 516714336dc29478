package io.kinobezdna.devstack.components;

import io.kinobezdna.devstack.Executables;
import io.kinobezdna.devstack.InfraComponent;
import io.kinobezdna.devstack.Launch;
import io.kinobezdna.devstack.PortPlan;
import io.kinobezdna.devstack.StackHome;
import io.kinobezdna.platform.probe.ProbeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An S3-compatible object store: S3Proxy over the local filesystem. It checks request signatures,
 * so presigned URLs are tested for real.
 */
public final class S3 implements InfraComponent {

  public static final String NAME = "s3";
  public static final String ACCESS_KEY = "kinobezdna";

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
    return ports.s3();
  }

  @Override
  public Launch prepare(StackHome home) throws IOException {
    String classpath = Executables.bundleClasspath(home, "s3proxy");
    Path properties = home.confDir(NAME).resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
                "\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port(home.ports()),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + home.secret("s3.secret-key"),
                "s3proxy.cors-allow-all=true",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + home.dataDir(NAME))
            + "\n");
    return Launch.of(
        List.of(
            Executables.current(),
            "-Xms32m",
            "-Xmx192m",
            "-XX:+UseSerialGC",
            "-cp",
            classpath,
            "org.gaul.s3proxy.Main",
            "--properties",
            properties.toString()));
  }
}
