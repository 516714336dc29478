package io.kinobezdna.gateway.adapter.out.redis;

import io.kinobezdna.gateway.application.port.MigrationSplits;
import io.kinobezdna.gateway.domain.MigrationSplit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Migration weights in a Redis hash ({@value #KEY}: service → "percent target"), so a change made
 * through one gateway instance reaches all of them within {@code refreshEvery}. Weights from
 * configuration apply until Redis holds one for the route. Requests read the local copy only.
 */
public final class RedisMigrationSplits implements MigrationSplits, AutoCloseable {

  static final String KEY = "gateway:migration-splits";
  private static final Logger log = LoggerFactory.getLogger(RedisMigrationSplits.class);

  private final ReactiveStringRedisTemplate redis;
  private final Map<String, MigrationSplit> configured;
  private volatile Map<String, MigrationSplit> current;
  private final Disposable refresher;

  public RedisMigrationSplits(
      ReactiveStringRedisTemplate redis, List<MigrationSplit> configured, Duration refreshEvery) {
    this.redis = redis;
    Map<String, MigrationSplit> byService = new HashMap<>();
    configured.forEach(split -> byService.put(split.service(), split));
    this.configured = Map.copyOf(byService);
    this.current = this.configured;
    this.refresher =
        Flux.interval(Duration.ZERO, refreshEvery)
            .concatMap(tick -> reload().onErrorResume(e -> logged(e)))
            .subscribe();
  }

  private Flux<Void> logged(Throwable e) {
    log.warn("cannot read migration weights from Redis, keeping the last known: {}", e.toString());
    return Flux.empty();
  }

  private Flux<Void> reload() {
    return redis
        .<String, String>opsForHash()
        .entries(KEY)
        .collectMap(Map.Entry::getKey, e -> parse(e.getKey(), e.getValue()))
        .doOnNext(
            stored -> {
              Map<String, MigrationSplit> merged = new HashMap<>(configured);
              merged.putAll(stored);
              current = Map.copyOf(merged);
            })
        .thenMany(Flux.empty());
  }

  private static MigrationSplit parse(String service, String value) {
    int space = value.indexOf(' ');
    return new MigrationSplit(
        service,
        URI.create(value.substring(space + 1)),
        Integer.parseInt(value.substring(0, space)));
  }

  @Override
  public Optional<MigrationSplit> of(String service) {
    return Optional.ofNullable(current.get(service));
  }

  @Override
  public List<MigrationSplit> all() {
    return new ArrayList<>(current.values());
  }

  @Override
  public CompletionStage<Void> save(MigrationSplit split) {
    return redis
        .<String, String>opsForHash()
        .put(KEY, split.service(), split.percent() + " " + split.target())
        .then(reload().then())
        .toFuture();
  }

  @Override
  public void close() {
    refresher.dispose();
  }
}
