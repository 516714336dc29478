package io.kinobezdna.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A service's outbox ({@code kb.outbox.*}); its relay runs when {@code kb.kafka.bootstrap-servers}
 * is set.
 *
 * @param enabled whether the service has an outbox table (its Flyway locations include {@link
 *     OutboxWriter#MIGRATIONS})
 * @param batchSize the most events one round sends
 * @param pollInterval the wait after a round that found nothing to send
 * @param gatherPause the wait after a round that sent less than a full batch
 * @param sendTimeout the longest a round waits for Kafka (with its transaction open)
 */
@ConfigurationProperties("kb.outbox")
public record OutboxProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("200") int batchSize,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("25ms") Duration gatherPause,
    @DefaultValue("10s") Duration sendTimeout) {}
