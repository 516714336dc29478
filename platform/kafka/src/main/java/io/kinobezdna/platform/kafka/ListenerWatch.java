package io.kinobezdna.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Watches the application's Kafka listeners: a listener that should run but does not (its consumer
 * stopped on an error, or someone stopped it) makes health DOWN, shows in {@value #STOPPED_METRIC},
 * and is started again at the next check, counted in {@value #RESTARTS_METRIC}.
 */
public final class ListenerWatch implements HealthIndicator, SmartLifecycle {

  static final String STOPPED_METRIC = "kb.kafka.listeners.stopped";
  static final String RESTARTS_METRIC = "kb.kafka.listeners.restarts";
  private static final Logger log = LoggerFactory.getLogger(ListenerWatch.class);

  private final KafkaListenerEndpointRegistry registry;
  private final Duration interval;
  private final Counter restarts;
  private ScheduledExecutorService checks;

  ListenerWatch(KafkaListenerEndpointRegistry registry, Duration interval, MeterRegistry meters) {
    this.registry = registry;
    this.interval = interval;
    this.restarts = meters.counter(RESTARTS_METRIC);
    Gauge.builder(STOPPED_METRIC, this, watch -> watch.stopped().size()).register(meters);
  }

  /** The listeners that should be running and are not. */
  List<MessageListenerContainer> stopped() {
    return registry.getListenerContainers().stream()
        // not running at all, or running with a consumer that died
        .filter(c -> c.isAutoStartup() && (!c.isRunning() || !c.isInExpectedState()))
        .toList();
  }

  @Override
  public Health health() {
    List<String> stopped = stopped().stream().map(MessageListenerContainer::getListenerId).toList();
    return stopped.isEmpty()
        ? Health.up().withDetail("listeners", registry.getListenerContainerIds()).build()
        : Health.down().withDetail("stopped", stopped).build();
  }

  /** Starts every listener that should be running and is not. */
  void restartStopped() {
    for (MessageListenerContainer container : stopped()) {
      log.warn("kafka listener {} is not running: starting it again", container.getListenerId());
      restarts.increment();
      if (container.isRunning()) {
        // a child consumer stopped inside a running container: stop the rest, start all
        container.stop(container::start);
      } else {
        container.start();
      }
    }
  }

  @Override
  public void start() {
    checks =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kafka-listener-watch").daemon().factory());
    long millis = interval.toMillis();
    checks.scheduleWithFixedDelay(this::restartSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void restartSafely() {
    try {
      restartStopped();
    } catch (RuntimeException e) {
      log.warn("could not restart a kafka listener: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    checks.shutdownNow();
    checks = null;
  }

  @Override
  public boolean isRunning() {
    return checks != null;
  }

  @Override
  public int getPhase() {
    // stops before the listener containers do, so shutting down is not taken for a failure
    return Integer.MAX_VALUE;
  }
}
