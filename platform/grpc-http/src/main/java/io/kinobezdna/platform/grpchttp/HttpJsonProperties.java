package io.kinobezdna.platform.grpchttp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP/JSON routes of a service's {@link HttpJsonApi} ({@code kb.http-json.*}).
 *
 * @param timeout the deadline of a call unless the request brings an earlier one
 */
@ConfigurationProperties("kb.http-json")
public record HttpJsonProperties(@DefaultValue("10s") Duration timeout) {}
