package io.kinobezdna.platform.grpcweb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kb.grpc-web.*}: where a service answers gRPC-Web ({@code port}; 0 picks a free one; unset:
 * no gRPC-Web), on which address (loopback: only the gateway reaches it), and the largest request
 * message it reads.
 */
@ConfigurationProperties("kb.grpc-web")
public record GrpcWebProperties(
    Integer port,
    @DefaultValue("127.0.0.1") String address,
    @DefaultValue("4MB") DataSize maxRequestMessageSize) {}
