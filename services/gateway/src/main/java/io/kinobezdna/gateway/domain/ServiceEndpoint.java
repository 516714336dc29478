package io.kinobezdna.gateway.domain;

import java.net.URI;

/** A platform service behind the gateway, reachable at its base URL. */
public record ServiceEndpoint(String name, URI baseUrl) {}
