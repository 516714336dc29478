package io.kinobezdna.gateway.domain;

/** An infrastructure server to probe: its name, wire protocol and address. */
public record InfraEndpoint(String name, String kind, String host, int port) {

  public String target() {
    return host + ":" + port;
  }
}
