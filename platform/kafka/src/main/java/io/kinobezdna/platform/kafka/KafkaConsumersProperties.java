package io.kinobezdna.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.kafka.*} for consumers: the brokers, how a record that failed is retried (backing off
 * from {@code retry-initial} to {@code retry-max}, for as long as it takes: a database that is away
 * comes back), and how often stopped listeners are looked for and started again.
 */
@ConfigurationProperties("kb.kafka")
public record KafkaConsumersProperties(
    String bootstrapServers,
    @DefaultValue("500ms") Duration retryInitial,
    @DefaultValue("30s") Duration retryMax,
    @DefaultValue("5s") Duration restartCheckInterval) {}
