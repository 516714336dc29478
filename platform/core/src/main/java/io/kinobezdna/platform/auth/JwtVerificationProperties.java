package io.kinobezdna.platform.auth;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies access tokens ({@code kb.auth.*}).
 *
 * @param jwksUrl auth's published keys; without it no token verifies, so every protected call is
 *     refused (a service never runs open because a property is missing)
 * @param audience the audience a token must name
 * @param keysCacheTtl how long fetched keys are trusted before they are fetched again
 */
@ConfigurationProperties("kb.auth")
public record JwtVerificationProperties(
    URI jwksUrl,
    @DefaultValue("kinobezdna") String audience,
    @DefaultValue("5m") Duration keysCacheTtl) {}
