package io.kinobezdna.platform.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to other services over gRPC ({@code kb.grpc.*}); their addresses are {@code
 * kb.grpc-services.<name>}, which the launcher sets for every service it starts.
 *
 * @param defaultDeadline the deadline of a call that has none from its request or its stub
 */
@ConfigurationProperties("kb.grpc")
public record GrpcClientProperties(@DefaultValue("10s") Duration defaultDeadline) {}
